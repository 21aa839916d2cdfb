// Deep links into the app's views: the OS hands main an `archive-reader://` URL, and main passes
// its in-app route to the renderer. Kept apart from the archive contract: links are not verbs.

/** Deep links: `archive-reader://open#/search?q=…` opens the same view as the in-app `#/search?q=…`. */
export const DEEP_LINK_SCHEME = 'archive-reader'

export function deepLinkFor(hash: string): string {
  return `${DEEP_LINK_SCHEME}://open${hash.startsWith('#') ? hash : `#${hash}`}`
}

/** The in-app route (`#/…`) of a deep link, or undefined when it is not one of ours. */
export function routeOfDeepLink(link: string): string | undefined {
  if (!link.startsWith(`${DEEP_LINK_SCHEME}://`)) return undefined
  const hashAt = link.indexOf('#')
  const route = hashAt >= 0 ? link.slice(hashAt) : '#/'
  return route.startsWith('#/') && route.length < 4096 ? route : undefined
}
