// Where the desktop app's edits go (issue 13): an issue of the user's library into the
// library's own corrections.json, through its transaction (the library is then opened again;
// the transaction wrote its index); an issue of the bundled archive, which the app never
// changes, into the overlay file in the user's profile (the bundled archive is then opened
// again with it, its corrected index kept in the profile), exportable as a corrections.json for
// a librarian. No Electron here.
import { CorrectionsEditor } from '../node/corrections-editor'
import type { ArchiveSource } from './archive-host'
import type { LibraryHost } from './library-host'

export function appCorrectionsEditor(
  host: LibraryHost,
  sources: { bundled: ArchiveSource; user: ArchiveSource },
): CorrectionsEditor {
  const { bundled, user } = sources
  const overlay = (): NonNullable<ReturnType<LibraryHost['bundledOverlay']>> => {
    const o = host.bundledOverlay()
    if (!o) throw new Error('the bundled archive has no overlay file')
    return o
  }
  return new CorrectionsEditor({
    placeOf: async (issueId) => {
      const owner = await host.ownerOf(issueId)
      if (owner === 'user') return { kind: 'library', dir: user.dir, indexPath: user.indexPath }
      if (owner === 'bundled' && bundled.overlayPath)
        return { kind: 'overlay', dir: bundled.dir, overlayPath: bundled.overlayPath, overlay }
      if (owner === 'bundled') return { off: 'this archive cannot be corrected here' }
      return { off: `no issue "${issueId}" in the app's archives` }
    },
    changed: (place) => (place.kind === 'library' ? host.reloadUser() : host.reloadBundled()),
    ...(bundled.overlayPath ? { overlay } : {}),
  })
}
