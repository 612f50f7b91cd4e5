// `npm start`: build the renderer and the main process, then launch Electron on them. Where the
// Electron binary could not be downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD), say what to do instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string') {
  console.error(
    'The Electron binary is not installed on this machine (it is downloaded by `npm install` where the network allows).\n' +
      'Use the browser mode instead: npm run serve',
  );
  process.exit(1);
}
for (const step of [
  ['run', 'build:renderer'],
  ['run', 'build:electron'],
]) {
  const result = spawnSync('npm', step, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const run = spawnSync(electronPath, ['.'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
