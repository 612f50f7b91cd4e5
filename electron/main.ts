// The desktop shell, kept thin: one window with a sandboxed, isolated renderer and a strict CSP,
// the host built in-process, the contract registered on IPC. Everything else is in electron/host.
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appVersion } from './host/app-version';
import { createHost, type Host } from './host/index';
import { createLogger } from './host/log/logger';
import { loginShellEnv } from './host/sources/kubernetes/login-shell-env';
import { contentSecurityPolicy } from './host/transport/http-port';
import { registerIpc } from './ipc';
import { showCriticalAlerts } from './notifications';
import { safeStorageCipher } from './safe-storage-cipher';

// Bundled to dist-electron/main.mjs; the renderer is built to dist/renderer beside it.
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'dist', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();

let host: Host | undefined;

app.on('web-contents-created', (_event, contents) => {
  // No new windows and no navigation away from the console; https links open in the browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== rendererUrl && !url.startsWith(`${rendererUrl}#`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.CONSOLE_DATA_DIR ?? app.getPath('userData');
  const log = createLogger({ dataDir });
  // Launched from a dock or menu, the app lacks the login shell's PATH and KUBECONFIG, and exec
  // credential plugins (aws, gke-gcloud-auth-plugin, kubelogin) are not found without them.
  const env = await loginShellEnv();

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, allow) =>
    allow(permission === 'notifications'),
  );

  host = await createHost({
    dataDir,
    mode: 'electron',
    version: appVersion(),
    cipher: safeStorageCipher(),
    env,
    log,
  });

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'MLOps Console',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  registerIpc({
    dispatcher: host.dispatcher,
    events: host.events,
    window,
    trustedUrlPrefix: rendererUrl,
    downloads: host.downloads,
    log,
  });
  showCriticalAlerts(host.events, window);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(rendererUrl);
}

app.on('window-all-closed', () => {
  void host?.close().finally(() => app.quit());
});

start().catch((error: unknown) => {
  console.error('The console could not start:', error);
  app.exit(1);
});
