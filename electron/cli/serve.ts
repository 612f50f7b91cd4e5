// Browser mode: the host on 127.0.0.1 behind the HTTP transport, serving the built renderer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../host/app-root';
import { appName } from '../host/app-name';
import { appVersion } from '../host/app-version';
import { createHost } from '../host/index';
import { createLogger } from '../host/log/logger';
import { defaultDataDir, StoreCorruptError, StoreTooNewError } from '../host/store';
import { startHttpTransport } from '../host/transport/http';

export async function runServe(opts: {
  port: number;
  workspaceFile?: string;
  dataDir?: string;
  demo: boolean;
}): Promise<number> {
  const started = performance.now();
  const dataDir = opts.dataDir ?? defaultDataDir(appName);
  const staticDir = join(appRoot(), 'dist', 'renderer');
  if (!existsSync(`${staticDir}/index.html`)) {
    console.error(
      'The renderer is not built yet: run `npm run build:renderer` (npm run serve does it for you).',
    );
    return 1;
  }
  const log = createLogger({ dataDir });
  let host;
  try {
    host = await createHost({
      dataDir,
      mode: 'browser',
      version: appVersion(),
      log,
      ...(opts.workspaceFile ? { workspaceFile: opts.workspaceFile } : {}),
      ...(opts.demo ? { workspaceId: 'demo' } : {}),
    });
  } catch (error) {
    if (error instanceof StoreTooNewError || error instanceof StoreCorruptError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const transport = await startHttpTransport({
    dispatcher: host.dispatcher,
    events: host.events,
    log,
    port: opts.port,
    staticDir,
    downloads: host.downloads,
  });
  // The one line a user (or a test) needs: the address with this launch's token.
  console.log(`MLOps Console is running at ${transport.launchUrl}`);
  console.log(
    `  data: ${dataDir}   (ready in ${Math.round(performance.now() - started)} ms; Ctrl+C to stop)`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await transport.close();
  await host.close();
  return 0;
}
