// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { timeAt } from './BrushZoom';
import { compact, TimeSeriesChart, type ChartSeries } from './TimeSeriesChart';

const range = { from: 0, to: 3_600_000 };
const series: ChartSeries[] = [
  {
    id: 'gpu0',
    label: 'GPU 0',
    points: Array.from({ length: 1200 }, (_, i) => [i * 3000, i % 100] as const),
  },
];

// jsdom renders recharts slowly on a busy machine.
describe('TimeSeriesChart', { timeout: 30_000 }, () => {
  it('draws the lines, the annotations in range and the previous period', () => {
    const { container } = render(
      <TimeSeriesChart
        title="Utilisation"
        unit="%"
        series={series}
        previous={[{ ...series[0]!, id: 'prev' }]}
        range={range}
        annotations={[
          { at: 60_000, kind: 'promotion', title: 'fraud v7 → champion' },
          { at: 99_000_000, kind: 'rollback', title: 'out of range' },
        ]}
      />,
    );
    expect(container.querySelectorAll('.recharts-line').length).toBe(2);
    expect(screen.getByTestId('chart-annotations').textContent).toContain('fraud v7 → champion');
    expect(screen.getByTestId('chart-annotations').textContent).not.toContain('out of range');
    expect(screen.getByText('dashed: previous period')).toBeTruthy();
  });

  it('says when there are no samples', () => {
    render(
      <TimeSeriesChart
        title="Empty"
        series={[{ id: 'a', label: 'a', points: [] }]}
        range={range}
      />,
    );
    expect(screen.getByTestId('chart-empty').textContent).toContain('No samples');
  });

  it('zooms to the brushed window', () => {
    const onZoom = vi.fn();
    render(<TimeSeriesChart title="Z" series={series} range={range} onZoom={onZoom} />);
    const brush = screen.getByTestId('chart-brush');
    brush.getBoundingClientRect = () => ({ left: 0, width: 100 }) as DOMRect;
    fireEvent.pointerDown(brush, { clientX: 10, pointerId: 1 });
    fireEvent.pointerMove(brush, { clientX: 50, pointerId: 1 });
    fireEvent.pointerUp(brush, { clientX: 50, pointerId: 1 });
    expect(onZoom).toHaveBeenCalledWith(360_000, 1_800_000);
  });

  it('maps pixels to times and formats values compactly', () => {
    expect(timeAt(50, 100, range)).toBe(1_800_000);
    expect(timeAt(-5, 100, range)).toBe(0);
    expect(compact(2_600_000)).toBe('2.6M');
    expect(compact(0.01234)).toBe('0.0123');
  });
});
