// The host's log: JSON lines to a file in the data folder and readable lines to stderr. Every
// failure the user sees on screen is also here, with the detail (stack, source answer) that the
// contract never sends to the renderer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { dataDir?: string; level?: string; quiet?: boolean }): Logger {
  const level = opts.level ?? process.env.CONSOLE_LOG_LEVEL ?? 'info';
  const streams: pino.StreamEntry[] = [];
  if (opts.dataDir) {
    const dir = join(opts.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    streams.push({
      level: level as pino.Level,
      stream: pino.destination({ dest: join(dir, 'console.log'), sync: false, mkdir: true }),
    });
  }
  if (!opts.quiet) streams.push({ level: 'warn', stream: process.stderr });
  return pino(
    { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream(streams),
  );
}

/** A logger that drops everything, for unit tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
