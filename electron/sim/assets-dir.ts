// Where the simulators' data (scenarios, the GPU recording) lives: under the app's resources once packaged
// (electron-builder's extraResources copies electron/sim/assets there), else in the sources.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../host/app-root';

export function simAssetsDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && existsSync(join(packaged, 'sim-assets'))) return join(packaged, 'sim-assets');
  return join(appRoot(), 'electron', 'sim', 'assets');
}
