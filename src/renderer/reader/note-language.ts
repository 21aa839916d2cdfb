// Which catalog notes the provenance shows in which UI language.
/**
 * Whether a catalog note is written in the UI's language. Catalog notes are free text in one
 * language (the seeds' are English): a Chinese UI does not show English sentences, and an English
 * one shows every note (the archive's own text is Chinese anyway). A note is English prose when
 * it has words in a row ("Page number not printed") and more Latin letters than Han characters;
 * anything else (figures, a file name, markup) is shown in both.
 */
export function noteFitsLanguage(note: string, lang: 'zh-CN' | 'en'): boolean {
  if (lang === 'en') return true
  const latin = note.match(/[A-Za-z]/g)?.length ?? 0
  const han = note.match(/\p{Script=Han}/gu)?.length ?? 0
  return !(latin > han && /[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}/.test(note))
}
