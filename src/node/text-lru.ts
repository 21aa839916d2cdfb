// The issue caches' LRU, bounded by the text it holds: the shared size-bounded LRU under its
// old name, keyed by issue id.
import { SizeLru } from '../shared/size-lru'

export class TextLru<V> extends SizeLru<string, V> {}
