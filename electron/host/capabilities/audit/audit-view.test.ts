// The audit view's host side against a real store and the real HTTP transport: filters, paging,
// an intent's group, and exports of exactly the filtered rows, streamed behind the token.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import { downloadPath } from '../../../../shared/contract/downloads';
import type { HostContext } from '../../host-context';
import { silentLogger } from '../../log/logger';
import { openStore, type Store } from '../../store';
import { temporaryDataDirs } from '../../store/test-support';
import { createDispatcher, type Handlers } from '../../transport/dispatcher';
import { EventHub } from '../../transport/event-hub';
import { startHttpTransport, type HttpTransport } from '../../transport/http';
import { auditExport } from './export';
import { auditHandlers } from './handlers';

const dirs = temporaryDataDirs();
const log = silentLogger();
let store: Store;
let http: HttpTransport;
let call: (name: string, input: unknown) => Promise<unknown>;

const tricky = 'maintenance, "planned"\nuntil noon';

beforeAll(async () => {
  store = openStore({ dataDir: dirs.make() });
  // 30 rows: a promotion intent and outcome, then connection tests and edits by two people.
  const intent = store.audit.append({
    actor: 'ada',
    action: 'model.promote',
    target: 'models/fraud@champion',
    from: { version: 3 },
    to: { version: 4 },
    reason: tricky,
    result: 'intent',
    at: '2026-05-01T10:00:00Z',
  });
  store.audit.append({
    actor: 'ada',
    action: 'model.promote',
    target: 'models/fraud@champion',
    result: 'failed',
    correlationId: intent.correlationId,
    details: { error: 'registry answered 500' },
    at: '2026-05-01T10:00:02Z',
  });
  for (let i = 0; i < 28; i++) {
    store.audit.append({
      actor: i % 2 ? 'bob' : 'carol',
      action: i % 3 ? 'connection.test' : 'connection.update',
      target: `conn-${i % 4}`,
      result: i % 5 ? 'ok' : 'failed',
      reason: i === 7 ? 'rotated, the "old" token' : null,
      at: new Date(Date.UTC(2026, 4, 2, 0, i)).toISOString(),
    });
  }
  const ctx = { store, log } as unknown as HostContext;
  const dispatcher = createDispatcher(auditHandlers(ctx) as unknown as Handlers, log);
  call = async (name, input) => {
    const envelope = await dispatcher.invoke(name, input, { transport: 'http' });
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  };
  http = await startHttpTransport({
    dispatcher,
    events: new EventHub(log),
    log,
    token: 'tok-audit',
    downloads: { 'audit.export': (input) => auditExport(ctx, input) },
  });
});
afterAll(async () => {
  await http.close();
  store.close();
  dirs.cleanup();
});

type Page = CallOutput<'audit.query'>;
const query = async (input: unknown) => (await call('audit.query', input)) as Page;

function get(
  path: string,
  token?: string,
): Promise<{ status: number; type: string; body: string; disposition: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: http.port,
        path,
        headers: {
          host: `127.0.0.1:${http.port}`,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            disposition: String(res.headers['content-disposition']),
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// Worker start-up and jsdom renders take seconds on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });

describe('audit.query', () => {
  it('filters by action, who, target, result and time, newest first', async () => {
    const page = await query({ filter: { action: 'connection.update', actor: 'carol' } });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.action === 'connection.update' && e.actor === 'carol')).toBe(
      true,
    );
    const seqs = page.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const failed = await query({ filter: { result: 'failed', target: 'conn-0' } });
    expect(failed.entries.map((e) => [e.result, e.target])).toEqual(
      failed.entries.map(() => ['failed', 'conn-0']),
    );

    const window = await query({
      filter: { since: '2026-05-02T00:10:00Z', until: '2026-05-02T00:12:00Z' },
    });
    expect(window.entries.map((e) => e.at)).toEqual([
      '2026-05-02T00:11:00.000Z',
      '2026-05-02T00:10:00.000Z',
    ]);
  });

  it('finds free text in the reason and the correlation id', async () => {
    const byReason = await query({ filter: { text: '"OLD" token' } });
    expect(byReason.entries).toHaveLength(1);
    const intent = (await query({ filter: { action: 'model.promote' } })).entries.at(-1)!;
    const byGroup = await query({ filter: { text: intent.correlationId!.slice(0, 13) } });
    expect(byGroup.entries.map((e) => e.result)).toEqual(['failed', 'intent']);
    // LIKE's wildcards are matched as themselves.
    expect((await query({ filter: { text: '%' } })).entries).toHaveLength(0);
  });

  it('pages with a cursor until the end, without gaps or repeats', async () => {
    const seen: number[] = [];
    let before: Page['next'] = null;
    for (let i = 0; i < 10; i++) {
      const page: Page = await query({ limit: 7, ...(before ? { before } : {}) });
      seen.push(...page.entries.map((e) => e.seq));
      before = page.next;
      if (!before) break;
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  it('groups an intent with its outcome', async () => {
    const outcome = (await query({ filter: { action: 'model.promote', result: 'failed' } }))
      .entries[0]!;
    const group = (await call('audit.correlation', { correlationId: outcome.correlationId })) as {
      entries: { result: string; details?: unknown }[];
    };
    expect(group.entries.map((e) => e.result)).toEqual(['intent', 'failed']);
    expect(group.entries[1]!.details).toEqual({ error: 'registry answered 500' });
  });

  it('refuses a filter that is not one', async () => {
    await expect(query({ filter: { since: 'yesterday' } })).rejects.toThrow(/Invalid input/);
    await expect(query({ filter: { colour: 'red' } })).rejects.toThrow();
  });
});

describe('audit export download', () => {
  const filter = { actor: 'bob', result: 'ok' as const };

  it('streams exactly the filtered rows as CSV, quoting commas, quotes and line breaks', async () => {
    const answer = await get(downloadPath('audit.export', { filter, format: 'csv' }), 'tok-audit');
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/csv/);
    expect(answer.disposition).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const rows = parse(answer.body, { columns: true }) as Record<string, string>[];
    const expected = store.audit.list({ ...filter, limit: 1000 }).reverse();
    expect(rows.map((r) => Number(r.seq))).toEqual(expected.map((e) => e.seq));
    expect(rows.find((r) => r.reason)?.reason).toBe('rotated, the "old" token');

    const all = await get(downloadPath('audit.export', { format: 'csv' }), 'tok-audit');
    const first = (parse(all.body, { columns: true }) as Record<string, string>[])[0]!;
    expect(first.reason).toBe(tricky);
    expect(JSON.parse(first.from!)).toEqual({ version: 3 });
  });

  it('streams the same rows as JSON Lines, each re-verifiable', async () => {
    const answer = await get(
      downloadPath('audit.export', { filter, format: 'jsonl' }),
      'tok-audit',
    );
    const lines = answer.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string });
    expect(lines.map((l) => l.seq)).toEqual(
      store.audit
        .list({ ...filter, limit: 1000 })
        .reverse()
        .map((e) => e.seq),
    );
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
  });

  it('needs the token, and refuses a bad request with a message, not a file', async () => {
    expect((await get(downloadPath('audit.export', { format: 'csv' }))).status).toBe(401);
    const bad = await get(downloadPath('audit.export', { format: 'xml' }), 'tok-audit');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const garbled = await get('/api/download/audit.export?input=%7Bnope', 'tok-audit');
    expect(garbled.status).toBe(400);
    expect((await get('/api/download/secrets?input=%7B%7D', 'tok-audit')).status).toBe(404);
  });
});

describe('audit.verify', () => {
  it('checks the chain in a worker thread and names the first edited row', async () => {
    expect(await call('audit.verify', {})).toEqual({ ok: true, count: 30 });
    const raw = new Database(store.file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 12").run();
    raw.close();
    expect(await call('audit.verify', {})).toMatchObject({
      ok: false,
      firstBadSeq: 12,
      problem: 'edited',
    });
  });
});
