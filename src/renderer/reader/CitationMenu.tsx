// The article's citation in GB/T 7714, BibTeX and RIS, shown (so it can be selected) and
// copyable. The popover is placed against the window, not the button: it opens below the
// button and is moved left and made to scroll so that it stays inside the window at any size —
// placed again when the window is resized or the pane scrolls while it is open.
import { useEffect, useRef, useState } from 'react'
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
  const details = useRef<HTMLDetailsElement>(null)
  const popover = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  const place = (): void => {
    const d = details.current
    const p = popover.current
    setOpen(d?.open === true)
    if (!d?.open || !p) return
    const margin = 8
    const anchor = (d.querySelector('summary') ?? d).getBoundingClientRect()
    // Its button scrolled out of the window: a popover left floating there would point nowhere.
    if (anchor.bottom < 0 || anchor.top > window.innerHeight) {
      d.open = false
      return
    }
    const width = Math.min(520, window.innerWidth - 2 * margin)
    const left = Math.max(margin, Math.min(anchor.left, window.innerWidth - width - margin))
    const below = window.innerHeight - anchor.bottom - 4 - margin
    const above = anchor.top - 4 - margin
    p.style.position = 'fixed'
    p.style.width = `${width}px`
    p.style.left = `${left}px`
    p.style.right = 'auto'
    p.style.overflow = 'auto'
    // Below the button when there is room, else above it: never past the window's edge.
    if (below >= 240 || below >= above) {
      p.style.top = `${anchor.bottom + 4}px`
      p.style.bottom = 'auto'
      p.style.maxHeight = `${below}px`
    } else {
      p.style.top = 'auto'
      p.style.bottom = `${window.innerHeight - anchor.top + 4}px`
      p.style.maxHeight = `${above}px`
    }
  }
  useEffect(() => {
    if (!open) return
    const again = (e: Event): void => {
      // Scrolling the popover's own text does not move it.
      if (e.target instanceof Node && popover.current?.contains(e.target)) return
      place()
    }
    window.addEventListener('resize', again)
    document.addEventListener('scroll', again, { capture: true, passive: true })
    return () => {
      window.removeEventListener('resize', again)
      document.removeEventListener('scroll', again, { capture: true })
    }
  })
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
    <details className="menu citation" data-testid="cite-menu" ref={details} onToggle={place}>
      <summary>{t('cite')}</summary>
      <div className="menu-items wide" ref={popover} data-testid="cite-popover">
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
