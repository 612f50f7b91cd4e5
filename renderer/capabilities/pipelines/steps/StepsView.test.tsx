// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeTransport } from '../../../test-support/fake-transport';
import { renderWith } from '../../../test-support/render';
import { StepsView } from './StepsView';
import { dagLayout, ganttLayout, type Step } from './step-layout';

const t0 = Date.parse('2026-11-26T02:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
const steps: Step[] = [
  {
    id: 'a',
    name: 'extract',
    dependsOn: [],
    phase: 'Succeeded',
    startedAt: at(0),
    finishedAt: at(60),
    durationMs: 60_000,
    failed: false,
  },
  {
    id: 'b',
    name: 'features',
    dependsOn: ['a'],
    phase: 'Succeeded',
    startedAt: at(62),
    finishedAt: at(122),
    durationMs: 60_000,
    failed: false,
  },
  {
    id: 'c',
    name: 'train',
    dependsOn: ['b'],
    phase: 'Failed',
    startedAt: at(124),
    finishedAt: at(424),
    durationMs: 300_000,
    message: 'OOMKilled (exit code 137)',
    failed: true,
  },
  { id: 'task:evaluate', name: 'evaluate', dependsOn: ['c'], phase: 'Not started', failed: false },
];

describe('run steps', () => {
  it('lays the DAG out in dependency order, left to right', () => {
    const layout = dagLayout(steps);
    const x = (name: string) => layout.nodes.find((n) => n.step.name === name)!.x;
    expect(x('extract')).toBeLessThan(x('features'));
    expect(x('features')).toBeLessThan(x('train'));
    expect(x('train')).toBeLessThan(x('evaluate'));
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['a>b', 'b>c', 'c>task:evaluate']);
  });

  it('puts Gantt bars on one time axis from the first start', () => {
    const layout = ganttLayout(steps, t0 + 500_000);
    expect(layout.spanMs).toBe(424_000);
    expect(layout.rows.map((r) => [r.step.name, r.start, r.end])).toEqual([
      ['extract', 0, 60_000],
      ['features', 62_000, 122_000],
      ['train', 124_000, 424_000],
      ['evaluate', undefined, undefined],
    ]);
  });

  it('shows a graph or a timeline, the failed step highlighted in both', () => {
    renderWith(new FakeTransport(), <StepsView steps={steps} />);
    const dag = screen.getByTestId('step-dag');
    expect(within(dag).getByTestId('failed-step').getAttribute('class')).toContain('failed');
    expect(within(dag).getByTestId('failed-step').textContent).toContain('train');
    expect(screen.getByTestId('failed-step-message').textContent).toContain('OOMKilled');
    fireEvent.click(screen.getByRole('button', { name: 'Timeline' }));
    const gantt = screen.getByTestId('step-gantt');
    expect(within(gantt).getByTestId('failed-step').textContent).toContain('train');
    expect(within(gantt).getByTestId('failed-step').textContent).toContain('5m');
    expect(screen.queryByTestId('step-dag')).toBeNull();
  });
});
