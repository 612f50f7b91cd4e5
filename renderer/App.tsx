import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { matchPath, Navigate, Route, Routes } from 'react-router-dom';
import type { Bridge } from './bridge';
import { type FirstReads, firstReads, overviewHeadlines } from './data/first-reads';
import { launchReads } from './data/launch-reads';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { prepareClockFormats } from './components/time';
import { Shell } from './shell/Shell';
import { useHostEvents } from './shell/host-events';
import { useThemeController } from './shell/theme';

// Each page is its own chunk: the window's first paint parses only the shell and the page it
// opens on (charting and graph layout load with the pages that draw them), which is most of
// what a cold start spends in the renderer.
interface PageChunk {
  Page: LazyExoticComponent<ComponentType>;
  load: () => Promise<unknown>;
}

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): PageChunk {
  let loaded: ComponentType | undefined;
  const loadAndKeep = () =>
    load().then((module) => {
      loaded = module[name];
      return { default: loaded };
    });
  // A chunk already loaded is handed to React.lazy through a thenable that answers at once, so
  // the page renders in the same pass as the shell instead of suspending. A suspended page shows
  // its fallback, and React then holds the page's reveal until 300 ms after that fallback
  // appeared (its throttle for retried Suspense boundaries): on a cold start, a cached table whose
  // answer was already in hand waited that long for nothing.
  const Page = lazy(() => (loaded ? answeredAtOnce({ default: loaded }) : loadAndKeep()));
  return { Page, load: loadAndKeep };
}

/** A thenable that calls back at once: React.lazy takes its value without suspending. */
function answeredAtOnce<T>(value: T): Promise<T> {
  return { then: (fulfil: (value: T) => unknown) => fulfil(value) } as unknown as Promise<T>;
}

const overview = page(() => import('./capabilities/overview/OverviewPage'), 'OverviewPage');
const models = page(() => import('./capabilities/models/ModelsPage'), 'ModelsPage');
const model = page(() => import('./capabilities/models/ModelPage'), 'ModelPage');
const version = page(() => import('./capabilities/models/VersionPage'), 'VersionPage');
const pipelines = page(() => import('./capabilities/pipelines/PipelinesPage'), 'PipelinesPage');
const schedules = page(() => import('./capabilities/schedules/SchedulesPage'), 'SchedulesPage');
const serving = page(() => import('./capabilities/serving/ServingPage'), 'ServingPage');
const alerts = page(() => import('./capabilities/alerts/AlertsPage'), 'AlertsPage');
const monitoring = page(() => import('./capabilities/monitoring/MonitoringPage'), 'MonitoringPage');
const drift = page(() => import('./capabilities/drift/DriftPage'), 'DriftPage');
const audit = page(() => import('./capabilities/audit/AuditPage'), 'AuditPage');
const settings = page(() => import('./capabilities/settings/SettingsPage'), 'SettingsPage');

interface PageRoute {
  path: string;
  title: string;
  chunk: PageChunk;
  /**
   * Reads its first paint needs that wait on another answer, started at launch (the others are
   * listed in data/launch-reads.ts).
   */
  followUps?: (reads: FirstReads) => void;
}

const routes: readonly PageRoute[] = [
  { path: '/overview', title: 'Overview', chunk: overview, followUps: overviewHeadlines },
  { path: '/models', title: 'Models', chunk: models },
  { path: '/models/:name', title: 'Models', chunk: model },
  { path: '/models/:name/versions/:version', title: 'Models', chunk: version },
  { path: '/pipelines', title: 'Pipelines', chunk: pipelines },
  { path: '/schedules', title: 'Schedules', chunk: schedules },
  { path: '/serving', title: 'Serving', chunk: serving },
  { path: '/alerts', title: 'Alerts', chunk: alerts },
  { path: '/gpus', title: 'GPUs', chunk: monitoring },
  { path: '/drift', title: 'Drift', chunk: drift },
  { path: '/audit', title: 'Audit log', chunk: audit },
  { path: '/settings', title: 'Settings', chunk: settings },
];

/**
 * Fetches every page's chunk, so moving between pages never waits for one: called once the first
 * page has painted, and by tests before they render.
 */
export function preloadPages(): Promise<unknown> {
  return Promise.all(routes.map(({ chunk }) => chunk.load()));
}

/**
 * Starts what the page at `path` needs, at launch: its chunk, the shell's reads and the page's
 * own snapshot reads, side by side rather than each waiting for React to reach it. Settles once
 * the page's chunk has loaded (or failed to): render then, and the page renders with the shell.
 */
export function startPage(path: string, client: QueryClient, bridge: Bridge): Promise<void> {
  const route =
    routes.find((r) => matchPath(r.path, path)) ?? routes.find((r) => r.path === '/overview')!;
  // A failed chunk lands in the page's boundary.
  const chunk = route.chunk.load().then(
    () => undefined,
    () => undefined,
  );
  const reads = firstReads(client, bridge);
  // Under the keys the components read, and answered by the calls launch.ts sent early.
  for (const read of launchReads(route.path)) reads.launch(read);
  route.followUps?.(reads);
  // Every page shows an "as of" or a run's time; the window is idle until the answers arrive.
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(prepareClockFormats, { timeout: 1_000 });
  } else setTimeout(prepareClockFormats, 0);
  return chunk;
}

export function App() {
  const stream = useHostEvents();
  useThemeController();

  return (
    <Shell stream={stream}>
      <Routes>
        <Route index element={<Navigate to="/overview" replace />} />
        {routes.map(({ path, title, chunk: { Page } }) => (
          <Route
            key={path}
            path={path}
            element={
              // A chunk that fails to load (an update swapped the files) lands in the boundary.
              <PageErrorBoundary page={title}>
                <Suspense fallback={<p className="muted page-loading">Loading {title}…</p>}>
                  <Page />
                </Suspense>
              </PageErrorBoundary>
            }
          />
        ))}
        <Route path="*" element={<Navigate to="/overview" replace />} />
      </Routes>
    </Shell>
  );
}
