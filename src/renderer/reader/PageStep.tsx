// The previous/next page link beside the page tabs; an inert glyph at either end of the issue.

interface Props {
  /** Where the step leads; undefined at the first/last page. */
  href: string | undefined
  testId: string
  shortcut: string
  label: string
  glyph: string
}

export function PageStep({ href, testId, shortcut, label, glyph }: Props) {
  return href !== undefined ? (
    <a
      className="step"
      href={href}
      data-testid={testId}
      aria-keyshortcuts={shortcut}
      aria-label={label}
    >
      {glyph}
    </a>
  ) : (
    <span className="step disabled" aria-hidden="true">
      {glyph}
    </span>
  )
}
