// The field index (src/shared/search/fields/) kept beside the search index. First version: built
// in memory from the loaded index at first use (persistence follows).
import { buildFieldIndex } from '../shared/search/fields/field-index'
import type { FieldIndex } from '../shared/search/fields/field-index'
import { buildVocabulary } from '../shared/search/fields/vocabulary'
import type { SearchIndex } from '../shared/search/search-index'

export interface FieldStoreOptions {
  indexPath: string
  log?: (message: string) => void
}

export function openFieldIndex(
  index: SearchIndex,
  papers: readonly { slug: string; name: string }[],
  _store?: FieldStoreOptions,
): FieldIndex {
  return buildFieldIndex(buildVocabulary(index, papers))
}
