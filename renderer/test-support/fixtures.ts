// Contract-shaped answers for component tests: a demo workspace with one source of each kind.
import type { AppInfo, UiSettings } from '../../shared/contract/app';
import type { ConnectionView } from '../../shared/contract/connections';
import type { Headline } from '../../shared/contract/sources';
import type { WorkspaceState, WorkspaceSummary } from '../../shared/contract/workspace';
import { FakeTransport } from './fake-transport';

export const demoWorkspace: WorkspaceSummary = {
  id: 'demo',
  name: 'Demo workspace',
  kind: 'demo',
  description: 'A simulated cluster, model registry and metrics store',
};
export const localWorkspace: WorkspaceSummary = {
  id: 'local',
  name: 'My environment',
  kind: 'local',
};
export const brokenFileWorkspace: WorkspaceSummary = {
  id: 'file-abc',
  name: '/home/me/team.yaml',
  kind: 'file',
  path: '/home/me/team.yaml',
  error: 'connections[1].url: Invalid URL (line 7)',
};

export function workspaceState(current: WorkspaceSummary = demoWorkspace): WorkspaceState {
  return { current, available: [demoWorkspace, localWorkspace, brokenFileWorkspace] };
}

export const kubeView: ConnectionView = {
  connection: { id: 'sim-cluster', name: 'Simulated cluster', kind: 'kubernetes' },
  origin: 'demo',
  editable: false,
  secrets: [],
};
export const mlflowView: ConnectionView = {
  connection: {
    id: 'registry',
    name: 'Model registry',
    kind: 'mlflow',
    trackingUri: 'http://127.0.0.1:5000',
    auth: { type: 'bearer', token: { secret: 'connection/registry/token' } },
  },
  origin: 'settings',
  editable: true,
  secrets: [{ field: 'token', ref: 'secret:connection/registry/token', present: true }],
};
export const promView: ConnectionView = {
  connection: {
    id: 'metrics',
    name: 'Metrics',
    kind: 'prometheus',
    url: 'http://127.0.0.1:9090',
    auth: { type: 'none' },
  },
  origin: 'demo',
  editable: false,
  secrets: [],
};
export const alertsView: ConnectionView = {
  connection: {
    id: 'alerts',
    name: 'Alerts',
    kind: 'alertmanager',
    url: 'http://127.0.0.1:9093',
    auth: { type: 'none' },
  },
  origin: 'demo',
  editable: false,
  secrets: [],
};

export const kubeHeadline = {
  kind: 'kubernetes',
  contexts: [
    {
      context: 'sim-east',
      server: 'https://127.0.0.1:6443',
      selected: true,
      serverVersion: 'v1.31.0',
      namespaces: { count: 12, permitted: true },
      nodes: 4,
      gpus: { allocatable: 6, capacity: 8 },
    },
    {
      context: 'sim-west',
      server: 'https://127.0.0.1:6444',
      selected: true,
      serverVersion: 'v1.30.2',
      namespaces: { count: 0, permitted: false },
      nodes: 2,
      gpus: { allocatable: 2, capacity: 2 },
    },
    { context: 'sim-lab', server: 'https://127.0.0.1:6445', selected: false },
  ],
  problems: [],
} satisfies Headline;
export const mlflowHeadline = {
  kind: 'mlflow',
  serverVersion: 'MLflow 3.1.0',
  registeredModels: 7,
  aliasedVersions: 3,
} satisfies Headline;
export const promHeadline = {
  kind: 'prometheus',
  targetsUp: 41,
  targetsTotal: 43,
  gpusReporting: 8,
} satisfies Headline;
export const alertsHeadline = { kind: 'alertmanager', firing: 2, silences: 1 } satisfies Headline;

export const appInfo: AppInfo = {
  version: '0.1.0',
  mode: 'browser',
  dataDir: '/home/me/.local/share/mlops-console',
  secretStorage: 'session',
  startedAt: '2025-01-01T08:00:00.000Z',
};

/** A transport answering every call the shell and Overview make, with live headlines. */
export function demoTransport(opts: { settings?: UiSettings } = {}): FakeTransport {
  const headlines: Record<string, Headline> = {
    'sim-cluster': kubeHeadline,
    registry: mlflowHeadline,
    metrics: promHeadline,
    alerts: alertsHeadline,
  };
  let settings: UiSettings = opts.settings ?? { theme: 'system' };
  let current = demoWorkspace;
  return new FakeTransport()
    .on('workspace.get', () => workspaceState(current))
    .on('workspace.switch', ({ id }) => {
      current = [demoWorkspace, localWorkspace].find((w) => w.id === id) ?? current;
      return workspaceState(current);
    })
    .on('connections.list', () => ({ connections: [kubeView, mlflowView, promView, alertsView] }))
    .on('sources.headline', ({ id, from }) => {
      const value = headlines[id] ?? null;
      const asOf = '2025-01-01T09:12:00.000Z';
      return from === 'cache'
        ? { value, freshness: value ? { asOf, stale: true } : null }
        : { value, freshness: value ? { asOf: new Date().toISOString(), stale: false } : null };
    })
    .on('settings.get', () => settings)
    .on('settings.update', (patch) => (settings = { ...settings, ...patch }))
    .on('app.info', () => appInfo)
    .on('audit.recent', () => ({ entries: [] }))
    .on('audit.verify', () => ({ ok: true as const, count: 0 }));
}
