import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/feedback.css'
import './styles/filters.css'
import './styles/grid.css'
import './styles/quota.css'
import './styles/dialogs.css'
import './styles/report.css'
import './styles/tables.css'
import './styles/recovery.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
