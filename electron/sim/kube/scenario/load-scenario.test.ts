import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { simAssetsDir } from '../../assets-dir';
import { readScenario } from './load-scenario';

const scenarios = join(simAssetsDir(), 'kube-scenarios');
const global = globalThis as { __BUILTIN_SCENARIOS__?: string };

afterEach(() => {
  delete global.__BUILTIN_SCENARIOS__;
});

describe('built-in scenarios', () => {
  test('survive the trip through JSON that the bundles give them', () => {
    for (const file of readdirSync(scenarios).filter((f) => f.endsWith('.yaml'))) {
      const parsed: unknown = parse(readFileSync(join(scenarios, file), 'utf8'));
      expect(JSON.parse(JSON.stringify(parsed)), file).toEqual(parsed);
    }
  });

  test('come from their YAML when run from source', async () => {
    const scenario = await readScenario('ml-platform');
    expect(scenario).toEqual(parse(readFileSync(join(scenarios, 'ml-platform.yaml'), 'utf8')));
  });

  test('come from the bundled JSON in a bundle, a fresh copy each time; a path is still read', async () => {
    // The first read from source has cached the YAML's own parse; the bundled JSON goes first.
    global.__BUILTIN_SCENARIOS__ = JSON.stringify({ 'ml-platform': { name: 'from the bundle' } });
    const first = await readScenario('ml-platform');
    expect(first.name).toBe('from the bundle');
    first.name = 'changed by a caller';
    expect((await readScenario('ml-platform')).name).toBe('from the bundle');
    const byPath = await readScenario(join(scenarios, 'ml-platform.yaml'));
    expect(byPath.name).not.toBe('from the bundle');
  });
});
