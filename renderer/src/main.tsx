import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared tokens and elements first; each screen and component imports its own stylesheet after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/print.css';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { LockGate } from './Lock.tsx';
import { applyTheme, savedTheme } from './theme.ts';
import { applyLanguage, savedLanguage } from './i18n/index.ts';

applyTheme(savedTheme(), false);
applyLanguage(savedLanguage(), false);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      {/* A new App after each unlock: nothing of the library outlives a lock. */}
      <LockGate>{(unlocks) => <App key={unlocks} />}</LockGate>
    </ErrorBoundary>
  </StrictMode>,
);
