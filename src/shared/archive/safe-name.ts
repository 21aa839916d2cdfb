// The one rule for a file name that comes from data (a catalog's page sources, a transaction
// journal, a manifest's entries, an export's page list): a bare name inside its folder. An
// archive or an import folder may come from anyone, so a name in it is never trusted to stay
// inside on its own. The checks on the disk (symbolic links, non-regular files, realpath) are in
// src/node/safe-path.ts; this is the part that needs no disk.

export interface NameRule {
  /** Whether a leading dot is allowed (the journal's staged index is a hidden file). */
  hidden?: boolean
  /** A required ending, e.g. ".txt" for a page file. */
  suffix?: string
}

/** Longest name most file systems accept (bytes in UTF-8). */
const MAX_NAME_BYTES = 255

/**
 * Why `name` is not a bare file name inside its folder, or undefined when it is. Refused: empty,
 * `.` and `..`, any `/` or `\` (so no absolute path and no path at all), a drive or stream
 * colon, NUL and other control characters, a leading dot unless allowed, a name too long.
 */
export function nameProblem(name: unknown, rule: NameRule = {}): string | undefined {
  if (typeof name !== 'string') return 'not a string'
  if (name === '') return 'an empty name'
  if (name === '.' || name === '..') return `"${name}" names a folder, not a file`
  if (/[/\\]/.test(name)) return 'a path, not a bare file name (no / or \\ allowed)'
  if (name.includes(':')) return 'a colon (a drive letter or a stream) is not allowed in a name'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control characters are not allowed in a name'
  if (!rule.hidden && name.startsWith('.')) return 'a hidden name (starting with a dot)'
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return 'a name longer than 255 bytes'
  if (rule.suffix && !name.endsWith(rule.suffix)) return `not a ${rule.suffix} file`
  return undefined
}

/** A page file in an archive folder: a visible bare `.txt` name. */
export const PAGE_FILE_RULE: NameRule = { suffix: '.txt' }
