// Which word of the search box a suggestion completes, and the box's text once one is chosen.
// The word is the last one typed (a field prefix such as `byline:刘` included, a leading minus
// kept aside), and only while the caret is at its end: the core's `suggest` completes a prefix.
// Pure: tests/renderer/search/suggest-text.test.ts.

export interface TypedWord {
  /** Where the word starts in the text (after a leading minus). */
  start: number
  /** What is asked of `suggest`. */
  prefix: string
}

const QUOTES = /["“”＂]/g
const QUOTE = /["“”＂]/

/** The word being typed at the end of `text` (caret at `caret`), or undefined: nothing to complete. */
export function typedWord(text: string, caret = text.length): TypedWord | undefined {
  if (caret !== text.length || text === '' || /\s$/.test(text)) return undefined
  // Inside an open "phrase" the words are not completed one by one.
  if ((text.match(QUOTES)?.length ?? 0) % 2 === 1) return undefined
  const m = /(\S+)$/.exec(text)
  if (!m) return undefined
  let start = m.index
  let word = m[1] as string
  if (/^[-－]/.test(word)) {
    start += 1
    word = word.slice(1)
  }
  // A closed phrase, an operator or a bare field name has nothing to complete.
  if (!word || QUOTE.test(word) || word === 'OR' || word === '|' || /^[a-z]+:$/i.test(word))
    return undefined
  return { start, prefix: word }
}

/** `text` with the typed word replaced by the suggestion's `query`, and a space to go on. */
export function applySuggestion(text: string, word: TypedWord, query: string): string {
  return `${text.slice(0, word.start)}${query} `
}
