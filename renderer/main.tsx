import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { App, preloadPages, startPage } from './App';
import { AppProviders } from './AppProviders';
import { bridge } from './bridge';
import { createQueryClient } from './data/query-client';
import { applyTheme, initialTheme } from './shell/theme';
import './styles/theme.css';
import './styles/base.css';
import './components/components.css';

// Paint the last-known theme before React mounts, so a dark-theme user sees no white flash.
applyTheme(initialTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createQueryClient();
// The address is `#/pipelines?run=…` (hash routing); an empty one opens the Overview.
startPage(location.hash.replace(/^#/, '').split('?')[0] || '/overview', client, bridge);

createRoot(root).render(
  <StrictMode>
    <AppProviders bridge={bridge} client={client}>
      {/* Electron loads the page from file://, where only hash URLs route. */}
      <HashRouter>
        <App />
      </HashRouter>
    </AppProviders>
  </StrictMode>,
);

// The other pages' chunks load once the first page has had its turn, so moving between pages
// later never waits for one.
window.addEventListener(
  'load',
  () => setTimeout(() => requestIdleCallback(() => void preloadPages(), { timeout: 5_000 }), 1_000),
  { once: true },
);
