// The suggestions under the search box: an ARIA listbox whose active option the box points at
// (aria-activedescendant), each with what kind of term it is and how many articles have it.
// Focus never leaves the box; a click chooses without taking it (mousedown is kept).
import type { Suggestion } from '../../shared/types'
import { useI18n } from '../app/i18n'

export const SUGGESTIONS_ID = 'search-suggestions'
export const suggestionId = (i: number): string => `search-suggestion-${i}`

interface Props {
  items: Suggestion[]
  active: number
  onChoose: (i: number) => void
  onHover: (i: number) => void
}

export function SuggestionList({ items, active, onChoose, onHover }: Props) {
  const { t, number } = useI18n()
  return (
    <ul
      id={SUGGESTIONS_ID}
      className="suggestions popover"
      role="listbox"
      aria-label={t('sugLabel')}
      data-testid="suggestions"
    >
      {items.map((s, i) => (
        // One suggestion: the term, its kind and its article count.
        <li
          key={`${s.kind}:${s.query}`}
          id={suggestionId(i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'suggestion active' : 'suggestion'}
          data-testid="suggestion"
          data-kind={s.kind}
          data-query={s.query}
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => {
            if (i !== active) onHover(i)
          }}
          onClick={() => onChoose(i)}
        >
          <span className="sug-text">{s.text}</span>
          <span className={`sug-kind kind-${s.kind}`}>{t(`sugKind_${s.kind}`)}</span>
          <span className="sug-count">{t('sugCount', { n: number(s.count), count: s.count })}</span>
        </li>
      ))}
    </ul>
  )
}
