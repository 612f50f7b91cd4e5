import { describe, expect, it } from 'vitest';
import type { HostContext } from '../../host-context';
import { silentLogger } from '../../log/logger';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import { SourceError } from '../../sources/source-error';
import { composeBrief } from './compose-brief';
import type { BriefReads, BriefSectionProvider } from './sections';

const reads = {
  ctx: { log: silentLogger() } as unknown as HostContext,
  workspace: {} as OpenWorkspace,
  now: new Date('2026-03-02T08:30:00Z'),
  runs: async () => [],
  schedules: async () => ({ schedules: [], staleModels: [], clusters: [] }),
  serving: async () => ({ services: [], clusters: [] }),
} satisfies BriefReads;

const provider = (id: string, read: BriefSectionProvider['read']): BriefSectionProvider => ({
  id,
  title: id,
  read,
});

describe('composing the brief from section providers', () => {
  it('keeps the order, marks sections ok or attention, and leaves out those that do not apply', async () => {
    const brief = await composeBrief(
      [
        provider('quiet', async () => ({ items: [] })),
        provider('no-prometheus', async () => undefined),
        provider('busy', async () => ({
          items: [{ id: 'x', title: 'x', severity: 'warning' }],
          note: '1 of 2 answered',
        })),
      ],
      reads,
    );
    expect(brief.generatedAt).toBe('2026-03-02T08:30:00.000Z');
    expect(brief.sections.map((s) => [s.id, s.state, s.note])).toEqual([
      ['quiet', 'ok', undefined],
      ['busy', 'attention', '1 of 2 answered'],
    ]);
  });

  it('shows a section that fails or stalls as unavailable with its cause; the rest still answer', async () => {
    const brief = await composeBrief(
      [
        provider('down', async () => {
          throw new SourceError('unreachable', 'connect ECONNREFUSED 10.0.0.1:9093', {
            source: 'am',
          });
        }),
        provider('stalled', () => new Promise(() => undefined)),
        provider('fine', async () => ({ items: [] })),
      ],
      reads,
      50,
    );
    expect(brief.sections.map((s) => [s.id, s.state])).toEqual([
      ['down', 'unavailable'],
      ['stalled', 'unavailable'],
      ['fine', 'ok'],
    ]);
    expect(brief.sections[0]!.note).toMatch(/ECONNREFUSED/);
    expect(brief.sections[1]!.note).toMatch(/did not answer within/);
  });
});
