import { afterEach, describe, expect, it } from 'vitest';
import type { CriticalAlertNotice, FiringAlert } from '../../../../shared/contract/alerts';
import { openStore, type Store } from '../../store';
import { temporaryDataDirs } from '../../store/test-support';
import { CriticalAlertNotifier, notifiedKey } from './critical-notifier';

const dirs = temporaryDataDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  dirs.cleanup();
});

function alert(
  fingerprint: string,
  severity: string,
  extra: Partial<FiringAlert> = {},
): FiringAlert {
  return {
    connection: 'am',
    fingerprint,
    labels: { alertname: `A-${fingerprint}`, severity },
    annotations: { summary: `summary ${fingerprint}` },
    startsAt: '2026-01-01T08:00:00.000Z',
    state: 'active',
    silencedBy: [],
    inhibitedBy: [],
    ...extra,
  };
}

function notifierAt(dir: string, now: () => number) {
  const store = openStore({ dataDir: dir });
  stores.push(store);
  const told: CriticalAlertNotice[][] = [];
  return { store, told, notifier: new CriticalAlertNotifier(store, (a) => told.push(a), now) };
}

describe('critical alert notifications', () => {
  it('tells each critical, unsilenced alert once, across refreshes', () => {
    const { notifier, told } = notifierAt(dirs.make(), () => Date.parse('2026-01-01T09:00:00Z'));
    const firing = [
      alert('a1', 'critical'),
      alert('a2', 'warning'),
      alert('a3', 'critical', { state: 'suppressed', silencedBy: ['s1'] }),
    ];
    expect(notifier.observe(firing).map((a) => a.fingerprint)).toEqual(['a1']);
    expect(notifier.observe(firing)).toEqual([]);
    expect(notifier.observe([...firing, alert('a4', 'page')]).map((a) => a.fingerprint)).toEqual([
      'a4',
    ]);
    expect(told).toHaveLength(2);
    expect(told[0]![0]).toMatchObject({ alertname: 'A-a1', summary: 'summary a1' });
  });

  it('does not repeat after a restart (the fingerprints are in the settings store)', () => {
    const dir = dirs.make();
    const now = () => Date.parse('2026-01-01T09:00:00Z');
    const first = notifierAt(dir, now);
    first.notifier.observe([alert('a1', 'critical')]);
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    const second = notifierAt(dir, now);
    expect(second.notifier.observe([alert('a1', 'critical')])).toEqual([]);
    expect(second.told).toHaveLength(0);
    expect(Object.keys(second.store.settings.get<object>(notifiedKey) ?? {})).toEqual(['a1']);
  });

  it('tells an alert whose silence ended, and forgets fingerprints gone for a week', () => {
    let t = Date.parse('2026-01-01T09:00:00Z');
    const { notifier, store } = notifierAt(dirs.make(), () => t);
    expect(
      notifier.observe([alert('a1', 'critical', { state: 'suppressed', silencedBy: ['s'] })]),
    ).toEqual([]);
    expect(notifier.observe([alert('a1', 'critical')])).toHaveLength(1);
    t += 8 * 24 * 3600_000;
    notifier.observe([]);
    expect(store.settings.get(notifiedKey)).toEqual({});
  });
});
