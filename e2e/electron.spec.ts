// The desktop shell itself, driven through Playwright's Electron support. It needs Electron's
// binary, which `npm install` downloads where the network allows; where it could not (these
// build machines: ELECTRON_SKIP_BINARY_DOWNLOAD), this spec says plainly that it skipped.
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    'SKIPPED: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the browser-mode specs cover the same renderer and host',
  );

  test('opens the demo workspace in an isolated window', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.'],
      env: { ...process.env, CONSOLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'console-electron-')) },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('demo-banner')).toBeVisible();
      // The renderer sees the contract bridge and nothing else: no Node, no ipcRenderer.
      const surface = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { mlopsConsole: object }).mlopsConsole).sort(),
      }));
      expect(surface).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['invoke', 'mode', 'pickFile', 'save', 'subscribe'],
      });
      await expect(window.getByTestId('source-card-demo-cluster')).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
