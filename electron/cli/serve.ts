// Browser mode: the host on 127.0.0.1 behind the HTTP transport, serving the built renderer.
// The port opens first and serves the renderer's files while the host loads (only light modules
// are imported up here); the host, its store and the API follow, and API requests that came
// early wait for them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../host/app-root';
import { appName } from '../host/app-name';
import { appVersion } from '../host/app-version';
import { createDemoProvider } from '../host/demo/demo-workspace';
import { defaultDataDir, storeFileName } from '../host/store/data-dir';
import { createLogger } from '../host/log/logger';
import { openHttpPort } from '../host/transport/http-port';

export async function runServe(opts: {
  port: number;
  workspaceFile?: string;
  dataDir?: string;
  demo: boolean;
}): Promise<number> {
  const started = performance.now();
  // Listened for from the first moment: the address is printed before the host has loaded, and a
  // Ctrl+C (or a test's SIGTERM) in between must still stop the console once it is up.
  const stopAsked = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const dataDir = opts.dataDir ?? defaultDataDir(appName);
  const staticDir = join(appRoot(), 'dist', 'renderer');
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error(
      'The renderer is not built yet: run `npm run build:renderer` (npm run serve does it for you).',
    );
    return 1;
  }
  const log = createLogger({ dataDir });
  // The demo's simulators take the better part of a second to start in their worker thread, and
  // a call waits for the workspace it reads: when the demo is what opens (asked for, or a first
  // launch, whose workspace is the demo) they start now, beside the host's own loading.
  const demoOpens = opts.demo || (!opts.workspaceFile && !existsSync(join(dataDir, storeFileName)));
  const demo = demoOpens ? createDemoProvider({ dataDir, log }) : undefined;
  void demo?.connections().catch(() => undefined); // a failure is reported as the demo opens
  const port = await openHttpPort({ log, port: opts.port, staticDir });
  // The one line a user (or a test) needs: the address with this launch's token.
  console.log(`MLOps Console is running at ${port.launchUrl}`);

  const [{ createHost }, { StoreCorruptError, StoreTooNewError }, { createHttpApi }] =
    await Promise.all([
      import('../host/index'),
      import('../host/store'),
      import('../host/transport/http'),
    ]);
  let host;
  try {
    host = await createHost({
      dataDir,
      mode: 'browser',
      version: appVersion(),
      log,
      ...(demo ? { demo } : {}),
      ...(opts.workspaceFile ? { workspaceFile: opts.workspaceFile } : {}),
      ...(opts.demo ? { workspaceId: 'demo' } : {}),
    });
  } catch (error) {
    port.abandon(`The console could not start: ${(error as Error).message}`);
    await port.close();
    await demo?.stop();
    if (error instanceof StoreTooNewError || error instanceof StoreCorruptError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  port.attach(
    createHttpApi({
      dispatcher: host.dispatcher,
      events: host.events,
      log,
      downloads: host.downloads,
    }),
  );
  console.log(
    `  data: ${dataDir}   (ready in ${Math.round(performance.now() - started)} ms; Ctrl+C to stop)`,
  );

  await stopAsked;
  await port.close();
  await host.close();
  return 0;
}
