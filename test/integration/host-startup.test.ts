// A console whose workspaces cannot open still answers, with the cause, instead of crashing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startHostOnFile } from '../services/test-host';

const dataDir = mkdtempSync(join(tmpdir(), 'console-startup-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('answers "unavailable" when neither the chosen workspace nor the demo can open', async () => {
  const broken = join(dataDir, 'broken.yaml');
  writeFileSync(broken, 'version: 1\nname: Broken\nconnections: [ {\n');
  const host = await startHostOnFile(dataDir, broken, {
    demo: {
      connections: async () => {
        throw new Error('simulators refused to start');
      },
      stop: async () => undefined,
    },
  });
  try {
    await host.ready;
    const listed = await host.dispatcher.invoke('connections.list', {}, { transport: 'test' });
    expect(listed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const info = await host.dispatcher.invoke('app.info', {}, { transport: 'test' });
    expect(info).toMatchObject({ ok: true });
  } finally {
    await host.close();
  }
});
