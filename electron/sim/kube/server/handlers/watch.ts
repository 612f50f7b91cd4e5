// Watch streams: newline-delimited JSON events over a chunked response.
import { parseFieldSelector } from '../../selectors/field-selector';
import { parseLabelSelector } from '../../selectors/label-selector';
import type { Entry } from '../../store/object-store';
import { renderTable } from '../../table/table';
import { tableVersion, wantsTable } from '../http-io';
import type { ResourceRequest } from './resources';

export function handleWatch(r: ResourceRequest): void {
  const { ctx, url, type, req, res } = r;
  const fields = parseFieldSelector(
    [url.searchParams.get('fieldSelector'), r.info.name ? `metadata.name=${r.info.name}` : '']
      .filter(Boolean)
      .join(','),
    type,
  );
  const labels = parseLabelSelector(url.searchParams.get('labelSelector'));
  const accept = req.headers.accept;
  const asTable = wantsTable(accept);
  const render = asTable
    ? (entry: Entry): string =>
        renderTable(type, [entry], {
          now: ctx.clock.nowMs(),
          version: tableVersion(accept ?? ''),
          include: 'Metadata',
          resourceVersion: entry.rv,
        })
    : (entry: Entry): string => entry.json;

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  const timeout = Number(url.searchParams.get('timeoutSeconds') ?? '0');
  const rv = url.searchParams.get('resourceVersion');
  const watcher = ctx.hub.watch(
    {
      type,
      ...(type.namespaced && r.namespace ? { namespace: r.namespace } : {}),
      labels,
      fields,
      ...(rv !== null ? { resourceVersion: rv } : {}),
      allowBookmarks: url.searchParams.get('allowWatchBookmarks') === 'true',
      sendInitialEvents: url.searchParams.get('sendInitialEvents') === 'true',
      ...(timeout > 0 ? { timeoutSeconds: timeout } : {}),
      render,
    },
    {
      write: (line) => {
        if (!res.writableEnded) res.write(line);
      },
      end: () => {
        if (!res.writableEnded) res.end();
      },
    },
  );
  const stop = (): void => watcher.close();
  req.on('close', stop);
  res.on('close', stop);
}
