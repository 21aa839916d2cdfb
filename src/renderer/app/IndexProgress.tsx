// Visible progress while the search index is (re)built.
import { useEffect, useState } from 'react'
import type { IndexStatus } from '../../shared/types'
import { api } from './api'
import { useI18n } from './i18n'

export function IndexProgress() {
  const { t, number } = useI18n()
  const [status, setStatus] = useState<IndexStatus | undefined>()
  useEffect(() => api.onIndexProgress(setStatus), [])
  if (!status || status.state !== 'building') return null
  const pct = Math.round(status.progress * 100)
  return (
    <div className="index-progress" data-testid="index-progress" role="status">
      <span>{status.message ?? t('indexBuilding', { issues: number(status.issues) })}</span>
      <progress max={100} value={pct} aria-label={t('indexProgress')}>
        {pct}%
      </progress>
      <span>{pct}%</span>
    </div>
  )
}
