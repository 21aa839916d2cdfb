// The one BOM rule for the archive's JSON files (catalog.json, manifest.json, NAME.meta.json):
// a UTF-8 byte-order mark at the start is allowed and ignored — Windows editors write one — and
// nowhere else is anything but JSON accepted.

/** Parses JSON text, ignoring one leading byte-order mark. Throws SyntaxError as JSON.parse. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
}
