// The archive's naming rules and limits, defined once and used by every layer: the catalog's
// schema, the import (manifest, resolve, the in-app form), the contract's argument schemas, the
// renderer's routes and bookmarks, and the CLI. No zod here (the renderer's route parser and
// the preload's neighbours use the plain patterns); schemas are built from these in contract.ts.

/** A paper's slug: `jiangbei`, `yuzhong-bao`. Lower-case letters, digits and -, at most 41. */
export const PAPER_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,40}$/
export const PAPER_SLUG_RULE = 'a paper slug is lower-case letters, digits and -'

/** An issue id's characters, for patterns that embed one (article ids, the app's pane refs). */
export const ISSUE_ID_SOURCE = '[a-z0-9][a-z0-9-]{0,80}'

/** An issue id: `jiangbei-2023-07-13`. Lower-case letters, digits and -, at most 81. */
export const ISSUE_ID_PATTERN = new RegExp(`^${ISSUE_ID_SOURCE}$`)
export const ISSUE_ID_RULE = 'an issue id is lower-case letters, digits and -'

/** An article id: `<issue id>/p<page>/a<n>`, as segmenting a page makes them (articles.ts). */
export const ARTICLE_ID_PATTERN = new RegExp(`^${ISSUE_ID_SOURCE}/p\\d{1,3}/a\\d{1,6}$`)
export const ARTICLE_ID_RULE = 'an article id is ISSUE/pN/aN'

/** A date as the archive writes it (the shape only; isValidIsoDate checks the calendar). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
export const ISO_DATE_RULE = 'expected a date YYYY-MM-DD'

/** Pages of one issue are numbered 1…MAX_PAGE_NUMBER. */
export const MAX_PAGE_NUMBER = 999

/** Characters a search query may have (the app's box, the server, the CLI, bookmarks). */
export const MAX_QUERY_LENGTH = 500

/**
 * A search with at most this many hits is offered nearby queries ("did you mean"): the renderer
 * asks the archive's `didYouMean` only then, and the verb itself answers nothing above it.
 */
export const DID_YOU_MEAN_MAX_HITS = 3

/** A paper's display name (`江北报`), trimmed. */
export const MAX_PAPER_NAME_LENGTH = 60
