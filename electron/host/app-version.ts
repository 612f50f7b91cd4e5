import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './app-root';

/** The console's version, from its package.json. */
export function appVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}
