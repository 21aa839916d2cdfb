// Character classes used by the normalizer, the reflow and the segmenter.

/**
 * True for characters that are written without spaces between them: Han (incl. astral planes,
 * seen here as surrogate halves), kana, CJK symbols and punctuation, full-width forms and the
 * general punctuation block (“” — …). Hangul is left out: Korean separates words with spaces.
 */
export function isCjkLike(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // radicals, CJK punctuation, kana, Han
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width and half-width forms
    (code >= 0xd800 && code <= 0xdfff) || // surrogates: astral Han (Ext. B and beyond)
    (code >= 0x2010 && code <= 0x206f) // general punctuation: quotes, dashes, ellipsis
  )
}

export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  )
}

/** Invisible characters that PDF extraction leaves behind; they never carry meaning in search. */
export function isIgnorable(code: number): boolean {
  return (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200f) ||
    code === 0x2060 ||
    code === 0xfeff ||
    (code >= 0xfe00 && code <= 0xfe0f)
  )
}

/** Punctuation after which a line may end a paragraph. */
export function endsSentence(line: string): boolean {
  return /[。！？!?…」』"”）)]\s*$/.test(line)
}
