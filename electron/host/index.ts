// Composes the host from its parts: store -> vault -> workspace catalog -> live sources ->
// capability handlers -> dispatcher. Plain Node: the Electron main process, `npm run serve` and
// the tests all build it the same way and differ only in the transport they put in front.
import { userInfo } from 'node:os';
import { alertsCapability } from './capabilities/alerts/handlers';
import { appHandlers } from './capabilities/app/handlers';
import { auditHandlers } from './capabilities/audit/handlers';
import { auditExport } from './capabilities/audit/export';
import { briefHandlers } from './capabilities/brief/handlers';
import { driftHandlers } from './capabilities/drift/handlers';
import { DriftRuns } from './capabilities/drift/runner/drift-runs';
import { connectionsHandlers } from './capabilities/sources/connections-handlers';
import { driftScoresHandlers } from './capabilities/drift-scores/handlers';
import { modelsHandlers } from './capabilities/models/handlers';
import { monitoringHandlers } from './capabilities/monitoring/handlers';
import { promotionHandlers } from './capabilities/models/promotion/handlers';
import { Promotions } from './capabilities/models/promotion/promotions';
import { approvalsHandlers } from './capabilities/models/approvals/handlers';
import { pipelineActionsHandlers } from './capabilities/pipelines/actions/handlers';
import { pipelinesHandlers } from './capabilities/pipelines/handlers';
import { PipelineWatches } from './capabilities/pipelines/pipeline-watches';
import { schedulesHandlers } from './capabilities/schedules/handlers';
import { servingHandlers } from './capabilities/serving/handlers';
import { ServingWatch } from './capabilities/serving/serving-watch';
import { sourcesHandlers } from './capabilities/sources/handlers';
import { SourceMonitor } from './capabilities/sources/source-monitor';
import { backgroundStartDelayMs } from './background-start';
import { loadKubernetesSources } from './capabilities/sources/adapters/kubernetes';
import { createSourceFactory } from './capabilities/sources/source-factory';
import { workspaceHandlers } from './capabilities/workspace/handlers';
import { createDemoProvider, type DemoProvider } from './demo/demo-workspace';
import type { HostContext } from './host-context';
import { createLogger, type Logger } from './log/logger';
import { createVault, openStore, sessionCipher, type SecretCipher, type Store } from './store';
import { createDispatcher, type Dispatcher, type Handlers } from './transport/dispatcher';
import { CallFailure } from './transport/failure';
import type { Downloads } from './transport/downloads';
import { EventHub } from './transport/event-hub';
import { WorkspaceCatalog } from './workspace/catalog';
import { OpenWorkspace } from './workspace/open-workspace';

export interface HostOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** safeStorage in Electron; a per-session key in browser mode. */
  cipher?: SecretCipher;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** Open this workspace file at start (registered if new). */
  workspaceFile?: string;
  /** Open this workspace id at start instead of the remembered one. */
  workspaceId?: string;
  demo?: DemoProvider;
  /** Background probe period; 0 turns the probes off (tests that count calls). */
  probeIntervalMs?: number;
}

export interface Host {
  dispatcher: Dispatcher;
  /** Resolves when the start-up workspace is open; calls wait for it on their own. */
  ready: Promise<void>;
  events: EventHub;
  store: Store;
  log: Logger;
  context: HostContext;
  /** Streamed exports (shared/contract/downloads.ts), for the transports to serve or save. */
  downloads: Downloads;
  close(): Promise<void>;
}

export async function createHost(opts: HostOptions): Promise<Host> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? createLogger({ dataDir: opts.dataDir });
  const store = openStore({ dataDir: opts.dataDir });
  const vault = createVault(store, opts.cipher ?? sessionCipher());
  const events = new EventHub(log);
  const demo = opts.demo ?? createDemoProvider({ dataDir: opts.dataDir, log });
  const catalog = new WorkspaceCatalog(store, env, demo);
  const sourceFactory = createSourceFactory({ store, vault, env, log });

  let open: OpenWorkspace | undefined;
  const context: HostContext = {
    store,
    vault,
    events,
    log,
    env,
    catalog,
    info: {
      version: opts.version,
      mode: opts.mode,
      dataDir: opts.dataDir,
      startedAt: new Date().toISOString(),
    },
    workspace: () => {
      if (!open) {
        throw new CallFailure(
          'unavailable',
          'No workspace could be opened; the cause is in the console log',
        );
      }
      return open;
    },
    switchWorkspace: async (id) => {
      const definition = await catalog.load(id);
      const previous = open;
      open = new OpenWorkspace(definition, sourceFactory.forWorkspace);
      catalog.remember(id);
      await previous?.close();
      // The old workspace's clusters are no longer watched; the page asks again.
      pipelines.stop();
      servingWatch.stop();
      monitor?.start();
      // A promotion cut short by a crash is settled against the registry and clusters now.
      promotions.reconcileSoon();
      log.info({ workspace: id, connections: definition.connections.length }, 'opened workspace');
      return open;
    },
    localActor: () => `local:${safeUserName()}`,
  };
  const monitor =
    opts.probeIntervalMs === 0
      ? undefined
      : new SourceMonitor(context, opts.probeIntervalMs ?? 30_000);

  const startId = opts.workspaceFile
    ? catalog.addFile(opts.workspaceFile)
    : (opts.workspaceId ?? catalog.currentId());
  const opening = openAtStart(startId);
  async function openAtStart(id: string): Promise<void> {
    const report = (workspace: string, error: unknown) => {
      log.error({ workspace, err: error }, 'could not open a workspace at start');
      events.emit('app.log', {
        level: 'error',
        message: `Could not open workspace "${workspace}": ${(error as Error).message}`,
        at: new Date().toISOString(),
      });
    };
    try {
      await context.switchWorkspace(id);
      return;
    } catch (error) {
      report(id, error);
    }
    // A workspace file that broke since last time must not keep the console from opening.
    if (id === 'demo') return;
    await context.switchWorkspace('demo').catch((error: unknown) => report('demo', error));
  }
  // Loaded ahead of the first cluster call; a page that needs a cluster loads it sooner.
  setTimeout(
    () => void loadKubernetesSources().catch(() => undefined),
    backgroundStartDelayMs,
  ).unref();

  const pipelines = new PipelineWatches(context);
  const servingWatch = new ServingWatch(context);
  const promotions = new Promotions(context);
  const alerts = alertsCapability(context, opts.probeIntervalMs === 0 ? 0 : 60_000);
  // Critical alerts are notified even while the Alerts page is closed.
  void opening.then(() => alerts.watch.start());
  const driftRuns = new DriftRuns({ reports: store.driftReports, events, log });
  const handlers: Handlers = {
    ...appHandlers(context),
    ...workspaceHandlers(context),
    ...connectionsHandlers({ ...context, buildDraftSource: sourceFactory.draft(context) }),
    ...sourcesHandlers(context),
    ...auditHandlers(context),
    ...pipelinesHandlers(context, pipelines),
    ...pipelineActionsHandlers(context),
    ...schedulesHandlers(context, pipelines),
    ...servingHandlers(context, pipelines, servingWatch),
    ...briefHandlers(context, pipelines),
    ...modelsHandlers(context),
    ...promotionHandlers(promotions),
    ...approvalsHandlers(context),
    ...driftHandlers(context, driftRuns),
    ...alerts.handlers,
    ...driftScoresHandlers(context),
    ...monitoringHandlers(context, pipelines),
  };

  return {
    dispatcher: createDispatcher(handlers, log, opening),
    ready: opening,
    events,
    store,
    log,
    context,
    downloads: { 'audit.export': (input) => auditExport(context, input) },
    close: async () => {
      await opening.catch(() => undefined);
      monitor?.stop();
      alerts.watch.stop();
      pipelines.stop();
      servingWatch.stop();
      driftRuns.stop();
      await open?.close();
      await demo.stop();
      store.close();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
