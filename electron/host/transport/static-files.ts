// The built renderer's files, answered from memory. Browser mode's port opens while the host is
// still compiling, and every turn of the event loop then waits behind a compile step of tens of
// milliseconds: a file streamed from disk (open, read, close: a turn each) reached the window
// 100-150 ms late, on the path of every launch. Here a file is one synchronous write.
//
// Only the files found under the folder when the port opens can be served: a request names a key
// of that list, never a path, so nothing outside the folder is reachable by construction.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

interface StaticFile {
  path: string;
  type: string;
  body?: Buffer;
  etag?: string;
}

export type StaticFiles = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Answers GET and HEAD for the folder's files (and "/" with index.html); returns false for
 * anything else, which the caller hands on. `headers` go on every file answered.
 */
export function staticFiles(folder: string, headers: Record<string, string>): StaticFiles {
  const files = new Map<string, StaticFile>();
  for (const path of listFiles(folder)) {
    const key = '/' + relative(folder, path).split(sep).join('/');
    files.set(key, {
      path,
      type: contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = files.get(pathOf(req.url ?? '/'));
    if (!file) return false;
    // Read once, on first ask: the build's output does not change under a running console.
    if (!file.body) {
      file.body = readFileSync(file.path);
      file.etag = `"${createHash('sha1').update(file.body).digest('base64url')}"`;
    }
    const common = { ...headers, etag: file.etag!, 'cache-control': 'no-cache' };
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, common).end();
      return true;
    }
    res.writeHead(200, {
      ...common,
      'content-type': file.type,
      'content-length': String(file.body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}

function pathOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '/';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function listFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}
