// Renderer entry. The Chinese serif face is bundled (@fontsource), so reading never depends on
// fonts installed on the machine or on the network.
import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/700.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/reader.css'
import './styles/article.css'
import './styles/panels.css'
import './styles/bookmarks.css'
import './styles/results.css'
import './styles/import.css'
import './styles/corrections.css'
import './styles/find.css'
import './styles/print.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { prefetchIssues } from './app/data'

// The library is the first thing shown: ask for it before the first render (and before the
// browser starts fetching font subsets, which would otherwise queue ahead of it).
prefetchIssues()

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
