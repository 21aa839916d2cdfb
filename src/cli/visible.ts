// The one escaping rule for what the CLI prints from data: file names, folder listings, page
// texts, catalog fields, problem messages that quote them. A file name may hold terminal escape
// sequences (colour, cursor moves, a cleared screen), bidirectional overrides (which reverse
// what follows: "txt.exe" shown as "exe.txt") or newlines (which fake a report line); printed
// raw, any of these can make a report say what it does not. Here each is shown as a visible
// escape — `\x1b`, `\u202e`, `\n` — so the reader sees exactly which characters are there.

// C0 controls, DEL and C1 controls; bidi embeddings, overrides, isolates and marks; the line
// and paragraph separators; zero-width space and the BOM, which hide in names.
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escape(c: string): string {
  const named = NAMED[c]
  if (named) return named
  const code = c.charCodeAt(0)
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `s` with every control, bidi and invisible formatting character shown as an escape. */
export function visible(s: string): string {
  return s.replace(HIDDEN, escape)
}
