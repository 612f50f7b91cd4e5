import { describe, expect, it } from 'vitest';
import type { FiringAlert } from '../../../../shared/contract/alerts';
import { groupAlerts } from './grouping';
import { silenceAuthor } from './identity';

const alert = (
  fingerprint: string,
  labels: Record<string, string>,
  startsAt = '2026-01-01T08:00:00Z',
): FiringAlert => ({
  connection: 'am',
  fingerprint,
  labels,
  annotations: {},
  startsAt,
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
});

describe('grouping firing alerts', () => {
  it('groups by alertname, severity and cluster, critical first, an HA pair shown once', () => {
    const groups = groupAlerts(
      [
        alert('1', { alertname: 'Latency', severity: 'warning' }),
        alert(
          '2',
          { alertname: 'GPUXid', severity: 'critical', cluster: 'eu' },
          '2026-01-01T09:00:00Z',
        ),
        alert(
          '3',
          { alertname: 'GPUXid', severity: 'critical', cluster: 'eu' },
          '2026-01-01T07:00:00Z',
        ),
        {
          ...alert('3', { alertname: 'GPUXid', severity: 'critical', cluster: 'eu' }),
          connection: 'am-2',
        },
        alert('4', { alertname: 'GPUXid', severity: 'critical', cluster: 'us' }),
      ],
      (id) => `Alertmanager ${id}`,
    );
    expect(groups.map((g) => g.key)).toEqual([
      'GPUXid/critical/eu',
      'GPUXid/critical/us',
      'Latency/warning/Alertmanager am',
    ]);
    expect(groups[0]!.alerts.map((a) => a.fingerprint)).toEqual(['3', '2']);
  });

  it('silences are created as the connection login, else the local user', () => {
    const base = { id: 'am', name: 'AM', kind: 'alertmanager' as const, url: 'http://x' };
    expect(silenceAuthor({ ...base, auth: { type: 'none' } }, 'local:alice')).toBe('alice');
    expect(
      silenceAuthor(
        { ...base, auth: { type: 'basic', username: 'bob', password: { env: 'P' } } },
        'local:alice',
      ),
    ).toBe('bob');
  });
});
