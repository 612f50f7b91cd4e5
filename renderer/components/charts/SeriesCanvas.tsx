// The chart's lines, drawn on one canvas inside recharts' SVG, in the layer where recharts draws
// its own lines and with the chart's own scales: recharts keeps the axes, grid and annotations.
// recharts' <Line> builds an object per point and runs it through its store and selectors, and an
// SVG path is a string to build, parse and lay out; 64 lines of a thousand points took seconds
// as <Line>s and ~60 ms as paths, and take a few ms as canvas strokes. A null value breaks a line.
import { memo, useLayoutEffect, useRef } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { ChartPoint } from './downsample';

export interface DrawnSeries {
  id: string;
  label: string;
  color: string;
  /** Downsampled, in the chart's time (previous-period series already shifted). */
  data: readonly ChartPoint[];
}

type Scale = (v: number) => number;

/** The part of the 2D context the lines need: a real canvas, or a recording in tests. */
export type LinePen = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'setLineDash' | 'strokeStyle' | 'lineWidth'
> & { globalAlpha: number };

/** Strokes each series, lifting the pen at gaps; previous-period lines dashed and faint. */
export function drawLines(
  pen: LinePen,
  lines: readonly DrawnSeries[],
  x: Scale,
  y: Scale,
  style: { dashed: boolean; width: number },
): void {
  pen.setLineDash(style.dashed ? [4, 3] : []);
  pen.globalAlpha = style.dashed ? 0.5 : 1;
  pen.lineWidth = style.width;
  for (const s of lines) {
    pen.strokeStyle = s.color;
    pen.beginPath();
    let down = false;
    const data = s.data;
    for (let i = 0; i < data.length; i++) {
      const p = data[i]!;
      const v = p[1];
      if (v === null || !Number.isFinite(v)) {
        down = false;
        continue;
      }
      if (down) pen.lineTo(x(p[0]), y(v));
      else pen.moveTo(x(p[0]), y(v));
      down = true;
    }
    pen.stroke();
  }
}

export const SeriesCanvas = memo(function SeriesCanvas({
  lines,
  previous,
  xDomain,
  yDomain,
}: {
  lines: readonly DrawnSeries[];
  previous: readonly DrawnSeries[];
  /** The axes' domains, to read the chart's (linear) scales as two numbers each. */
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  const canvas = useRef<HTMLCanvasElement>(null);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  // Drawn before the browser paints, so no frame shows the axes without their lines.
  useLayoutEffect(() => {
    const node = canvas.current;
    if (!node || !area || !xScale || !yScale) return;
    const x = linear(xScale, xDomain, [area.x, area.x + area.width]);
    const y = linear(yScale, yDomain, [area.y + area.height, area.y]);
    const pen = node.getContext('2d');
    if (!x || !y || !pen) return;
    pen.setTransform(ratio, 0, 0, ratio, -area.x * ratio, -area.y * ratio);
    pen.clearRect(area.x, area.y, area.width, area.height);
    pen.lineJoin = 'round';
    drawLines(pen, previous, x, y, { dashed: true, width: 1 });
    // A stroke of at most one pixel is drawn as a hairline, many times faster to rasterize than
    // a wider one: what keeps dozens of lines cheap.
    drawLines(pen, lines, x, y, { dashed: false, width: lines.length > 12 ? 1 : 1.5 });
    node.dataset.drawn = String(lines.length);
  }, [lines, previous, xScale, yScale, xDomain, yDomain, area, ratio]);

  if (!area) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <foreignObject x={area.x} y={area.y} width={area.width} height={area.height}>
        <canvas
          ref={canvas}
          className="ts-chart-lines"
          data-testid="chart-lines"
          width={Math.round(area.width * ratio)}
          height={Math.round(area.height * ratio)}
          style={{ width: area.width, height: area.height, display: 'block' }}
        />
      </foreignObject>
    </ZIndexLayer>
  );
});

/**
 * The chart's scale as an offset and a factor: both axes are linear (time is linear in epoch ms),
 * and calling recharts' scale per point costs more than the arithmetic. Undefined while recharts
 * still holds the previous axes (new data, old domain), which would draw the lines off the axes.
 */
function linear(
  scale: (v: number) => number | undefined,
  [a, b]: readonly [number, number],
  [start, end]: readonly [number, number],
): Scale | undefined {
  const pa = scale(a);
  const pb = scale(b);
  if (pa === undefined || pb === undefined || a === b) return undefined;
  if (Math.abs(pa - start) > 1 || Math.abs(pb - end) > 1) return undefined;
  const k = (pb - pa) / (b - a);
  return (v) => pa + (v - a) * k;
}
