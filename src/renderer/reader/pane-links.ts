// How the parts of a reading pane link within it: every link inside a pane targets this pane.
// Its own module so the pane's children import the type without importing ReaderPane itself.
import { withPane } from '../app/navigation'
import { formatRoute } from '../app/route'
import type { AppRoute, PaneRef, PaneState } from '../app/route'
import { navigate } from '../app/route-store'

export interface PaneLinks {
  /** The route (as a hash) that shows `ref` in this pane. */
  href: (ref: PaneRef, extra?: Omit<PaneState, 'ref'>) => string
  go: (ref: PaneRef, extra?: Omit<PaneState, 'ref'>) => void
}

/** The route that shows `ref` in pane `index` and makes that pane the active one. */
export function routeInPane(
  route: AppRoute,
  index: 0 | 1,
  ref: PaneRef,
  extra: Omit<PaneState, 'ref'> = {},
): AppRoute {
  return { ...withPane(route, index, { ref, ...extra }), active: index }
}

export function paneLinks(route: AppRoute, index: 0 | 1): PaneLinks {
  return {
    href: (ref, extra) => formatRoute(routeInPane(route, index, ref, extra)),
    go: (ref, extra) => navigate(routeInPane(route, index, ref, extra)),
  }
}
