// First, so the first page's reads leave before the rest of the bundle runs.
import './launch';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { App, preloadPages, startPage } from './App';
import { AppProviders } from './AppProviders';
import { bridge } from './bridge';
import { launchPath, namesPage } from './data/launch-reads';
import { createQueryClient } from './data/query-client';
import { applyTheme, initialTheme } from './shell/theme';
import './styles/theme.css';
import './styles/base.css';
import './components/components.css';

// Paint the last-known theme before React mounts, so a dark-theme user sees no white flash.
applyTheme(initialTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// An address with no page is given the Overview's before the router mounts. Left to the index
// route's <Navigate>, the change waits for React's first effects, which run after the first page
// has rendered whole: an address changed meanwhile (a link followed as the window opens) was
// overwritten by it.
if (!namesPage(location.hash)) history.replaceState(history.state, '', '#/overview');

const client = createQueryClient();
// Rendered once the first page's chunk is in, so the page renders with the shell (see page()).
void startPage(launchPath(location.hash), client, bridge).then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders bridge={bridge} client={client}>
        {/* Electron loads the page from file://, where only hash URLs route. */}
        <HashRouter>
          <App />
        </HashRouter>
      </AppProviders>
    </StrictMode>,
  ),
);

// The other pages' chunks load once the first page has had its turn, so moving between pages
// later never waits for one.
window.addEventListener(
  'load',
  () => setTimeout(() => requestIdleCallback(() => void preloadPages(), { timeout: 5_000 }), 1_000),
  { once: true },
);
