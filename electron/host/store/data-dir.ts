// Where the console keeps its database when nobody says otherwise: the same per-user folder
// Electron's app.getPath('userData') uses, so the desktop app and `npm run serve` share one store.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The database's file in the data folder. */
export const storeFileName = 'console.db';

export interface DataDirContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

export function defaultDataDir(appName: string, context: DataDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  if (env.CONSOLE_DATA_DIR) return env.CONSOLE_DATA_DIR;
  // win32 paths are joined with '/' when computed on another platform (tests); Windows accepts both.
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appName);
}
