import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/contract/brief';
import { briefMarkdown, headline, newItemIds } from './brief-view';

const brief: Brief = {
  generatedAt: '2026-03-02T08:30:00.000Z',
  sections: [
    {
      id: 'failed-runs',
      title: 'Failed runs (last 24 h)',
      state: 'attention',
      items: [
        {
          id: 'run:a',
          title: 'churn-batch-scoring-1 failed at validate-schema',
          detail: 'Data or schema error: column `tenure` | missing',
          severity: 'critical',
          where: 'prod / recommendations',
          link: '/pipelines?run=a',
        },
      ],
    },
    {
      id: 'missed-schedules',
      title: 'Missed schedules',
      state: 'attention',
      items: [
        {
          id: 'missed:b',
          title: 'fraud-feature-snapshot missed its run',
          severity: 'warning',
          where: 'prod / fraud-detection',
          link: '/schedules?schedule=b',
        },
      ],
    },
    { id: 'stale-models', title: 'Stale models', state: 'ok', items: [] },
    {
      id: 'firing-alerts',
      title: 'Firing alerts',
      state: 'unavailable',
      items: [],
      note: 'connect ECONNREFUSED',
    },
  ],
};

describe('the brief as Markdown', () => {
  it('lists every section with counts, new items marked, Markdown escaped', () => {
    const md = briefMarkdown(brief, { workspace: 'Team', newIds: new Set(['missed:b']) });
    expect(md).toBe(
      [
        '## Morning brief — Team (2026-03-02 08:30 UTC)',
        '',
        '**2 things need a look.**',
        '',
        '### Failed runs (last 24 h) (1)',
        '- churn-batch-scoring-1 failed at validate-schema — prod / recommendations: Data or schema error: column \\`tenure\\` \\| missing',
        '',
        '### Missed schedules (1)',
        '- **NEW** fraud-feature-snapshot missed its run — prod / fraud-detection',
        '',
        '### Stale models (0)',
        '- None',
        '',
        '### Firing alerts (unavailable)',
        '- _Could not be read: connect ECONNREFUSED_',
        '',
      ].join('\n'),
    );
  });

  it('links items when given the address of the console', () => {
    const md = briefMarkdown(brief, { base: 'http://127.0.0.1:4000/#' });
    expect(md).toContain(
      '[fraud-feature-snapshot missed its run](http://127.0.0.1:4000/#/schedules?schedule=b)',
    );
  });
});

describe('since your last visit', () => {
  it('marks items absent from the last visit; nothing on a first visit', () => {
    expect(newItemIds(brief, null).size).toBe(0);
    expect([...newItemIds(brief, { at: '2026-03-01T08:00:00Z', itemIds: ['run:a'] })]).toEqual([
      'missed:b',
    ]);
  });
});

describe('the headline', () => {
  it('says everything is OK only when nothing is listed and every section answered', () => {
    expect(headline({ ...brief, sections: [brief.sections[2]!] })).toEqual({
      tone: 'ok',
      text: 'Everything is OK',
    });
    expect(headline({ ...brief, sections: [brief.sections[3]!] }).tone).toBe('warn');
    expect(headline(brief)).toEqual({ tone: 'danger', text: '2 things need a look' });
  });
});
