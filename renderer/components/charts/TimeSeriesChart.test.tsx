// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timeAt } from './BrushZoom';
import { timeTicks, valueAxis } from './chart-scales';
import { nearest } from './HoverReadout';
import { drawLines, type LinePen } from './SeriesCanvas';
import { compact, TimeSeriesChart, type ChartSeries } from './TimeSeriesChart';

const range = { from: 0, to: 3_600_000 };
const series: ChartSeries[] = [
  {
    id: 'gpu0',
    label: 'GPU 0',
    points: Array.from({ length: 1200 }, (_, i) => [i * 3000, i % 100] as const),
  },
];

/** A 2D context that records the pen's moves (jsdom has no canvas). */
function recordingPen() {
  const calls: string[] = [];
  const pen = {
    beginPath: () => calls.push('begin'),
    moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
    stroke: () => calls.push('stroke'),
    setLineDash: (d: number[]) => calls.push(`dash ${d.join(' ')}`),
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
  };
  return { pen: pen as LinePen, calls };
}

// jsdom renders recharts slowly on a busy machine.
describe('TimeSeriesChart', { timeout: 30_000 }, () => {
  let strokes = 0;
  beforeEach(() => {
    strokes = 0;
    const context = {
      ...recordingPen().pen,
      stroke: () => strokes++,
      setTransform: () => {},
      clearRect: () => {},
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => context as unknown as CanvasRenderingContext2D,
    );
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

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
    expect(screen.getByTestId('chart-lines').getAttribute('data-drawn')).toBe('1');
    expect(strokes).toBe(2); // the line and its previous period
    // Both axes labelled, with round ticks: times, then values.
    const labels = [...container.querySelectorAll('.recharts-cartesian-axis-tick-value')];
    expect(labels.map((t) => t.textContent)).toEqual(
      ['00:00', '00:15', '00:30', '00:45'].concat(['0', '20', '40', '60', '80', '100']),
    );
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

  it('reads the values under the pointer', () => {
    render(<TimeSeriesChart title="H" unit="%" series={series} range={range} />);
    const brush = screen.getByTestId('chart-brush');
    brush.getBoundingClientRect = () => ({ left: 0, width: 100 }) as DOMRect;
    fireEvent.pointerMove(brush, { clientX: 50, pointerId: 1 });
    // Halfway through the hour is sample 600, whose value is 600 % 100.
    expect(screen.getByTestId('chart-readout').textContent).toContain('GPU 0: 0 %');
    fireEvent.pointerLeave(brush);
    expect(screen.queryByTestId('chart-readout')).toBeNull();
  });

  it('maps pixels to times and formats values compactly', () => {
    expect(timeAt(50, 100, range)).toBe(1_800_000);
    expect(timeAt(-5, 100, range)).toBe(0);
    expect(compact(2_600_000)).toBe('2.6M');
    expect(compact(0.01234)).toBe('0.0123');
  });
});

describe('the lines', () => {
  it('lift the pen at a gap and dash the previous period', () => {
    const { pen, calls } = recordingPen();
    const line = {
      id: 'a',
      label: 'a',
      color: '#000',
      data: [
        [0, 1],
        [1, 2],
        [2, null],
        [3, 4],
        [4, 5],
      ] as const,
    };
    drawLines(
      pen,
      [line],
      (t) => t * 10,
      (v) => 100 - v,
      { dashed: true, width: 1 },
    );
    expect(calls).toEqual(['dash 4 3', 'begin', 'M0,99', 'L10,98', 'M30,96', 'L40,95', 'stroke']);
    expect(pen.globalAlpha).toBe(0.5);
  });

  it('read the sample nearest the pointer', () => {
    const data = [
      [0, 1],
      [10, 2],
      [20, 3],
    ] as const;
    expect(nearest(data, 4)).toEqual([0, 1]);
    expect(nearest(data, 6)).toEqual([10, 2]);
    expect(nearest(data, 99)).toEqual([20, 3]);
    expect(nearest([], 1)).toBeUndefined();
  });
});

describe('the axes', () => {
  it('tick round UTC times clear of the right edge, and round values', () => {
    const day = 86_400_000;
    expect(timeTicks([0, 7 * day], 880)).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => d * day));
    expect(
      valueAxis([
        {
          data: [
            [0, 0.012],
            [1, 0.229],
          ],
        },
      ]),
    ).toEqual({
      domain: [0, 0.25],
      ticks: [0, 0.05, 0.1, 0.15, 0.2, 0.25],
    });
    expect(valueAxis([{ data: [[0, 7]] }], [0, 100]).domain).toEqual([0, 100]);
    expect(valueAxis([{ data: [[0, null]] }]).domain).toEqual([0, 1]);
  });
});
