// The article's citation in GB/T 7714, BibTeX and RIS, shown (so it can be selected) and
// copyable.
import { copyText } from '../ui/browser'
import { cite, CITATION_FORMATS } from './citation'
import type { CitationFormat, CitationSource } from './citation'
import { useI18n } from '../app/i18n'
import { showToast } from '../ui/toast'

const NAMES: Record<CitationFormat, string> = {
  gbt7714: 'GB/T 7714',
  bibtex: 'BibTeX',
  ris: 'RIS',
}

export function CitationMenu({ source }: { source: CitationSource }) {
  const { t } = useI18n()
  const copy = async (format: CitationFormat): Promise<void> => {
    const text = cite(format, source)
    const ok = await copyText(text)
    showToast(
      ok ? t('citationCopied', { format: NAMES[format] }) : t('copyFailed'),
      text,
      ok ? 'info' : 'error',
    )
  }
  return (
    <details className="menu citation" data-testid="cite-menu">
      <summary>{t('cite')}</summary>
      <div className="menu-items wide">
        {CITATION_FORMATS.map((f) => (
          <div key={f} className="citation-format">
            <div className="row">
              <strong>{NAMES[f]}</strong>
              <button
                type="button"
                className="small"
                data-testid={`copy-citation-${f}`}
                onClick={() => void copy(f)}
              >
                {t('copy')}
              </button>
            </div>
            <pre data-testid={`citation-${f}`}>{cite(f, source)}</pre>
          </div>
        ))}
      </div>
    </details>
  )
}
