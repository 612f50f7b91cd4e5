import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store';
import { WorkspaceCatalog } from './catalog';

const made: { dir: string; store: Store }[] = [];
afterEach(() => {
  for (const { dir, store } of made.splice(0)) {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function catalogWithFile(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'console-catalog-'));
  const store = openStore({ dataDir: join(dir, 'data') });
  made.push({ dir, store });
  const file = join(dir, 'team.yaml');
  writeFileSync(file, text);
  const catalog = new WorkspaceCatalog(
    store,
    {},
    {
      connections: async () => [],
      stop: async () => undefined,
    },
  );
  const id = catalog.addFile(file);
  const described = async () => (await catalog.list()).find((w) => w.id === id)!;
  return { file, described };
}

describe('the workspace catalog', () => {
  it('describes a file from what it says, and again once it changes', async () => {
    const { file, described } = catalogWithFile('version: 1\nname: Team\nconnections: []\n');
    const saved = new Date('2026-11-20T09:00:00Z');
    utimesSync(file, saved, saved);
    expect((await described()).name).toBe('Team');
    // Same size and modification time: the description read before is used, the file is not
    // read again (here it says something else, which proves it).
    writeFileSync(file, 'version: 1\nname: Tean\nconnections: []\n');
    utimesSync(file, saved, saved);
    expect((await described()).name).toBe('Team');

    writeFileSync(file, 'version: 1\nname: Platform team\nconnections: []\n');
    // A later modification time, as an editor's save gives.
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect((await described()).name).toBe('Platform team');

    writeFileSync(file, 'version: 1\nname: [broken\n');
    utimesSync(file, new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
    expect((await described()).error).toBeTruthy();

    rmSync(file);
    expect((await described()).error).toMatch(/no such file/);
  });
});
