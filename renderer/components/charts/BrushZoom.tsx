// The pointer layer over the plot area. Dragging across it selects a window that becomes the
// chart's new range (when the chart can zoom); hovering shows what `readout` draws for the time
// under the pointer. Pointer events keep it working with mouse, pen and touch.
import { useRef, useState, type PointerEvent, type ReactNode } from 'react';
import type { ResolvedRange } from './time-range';

/** The time under a pointer, from its position across the plot area. */
export function timeAt(x: number, plotWidth: number, range: ResolvedRange): number {
  const f = Math.min(1, Math.max(0, x / Math.max(1, plotWidth)));
  return range.from + f * (range.to - range.from);
}

export function BrushZoom({
  left,
  right,
  range,
  onZoom,
  readout,
}: {
  left: number;
  right: number;
  range: ResolvedRange;
  onZoom?: ((from: number, to: number) => void) | undefined;
  /** What to show for the time under the pointer; `x` is its position in the layer. */
  readout?: ((at: number, x: number, width: number) => ReactNode) | undefined;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  const xOf = (e: PointerEvent) => e.clientX - (layer.current?.getBoundingClientRect().left ?? 0);
  const widthNow = () => layer.current?.getBoundingClientRect().width ?? 0;
  const finish = () => {
    const width = widthNow();
    if (onZoom && drag && Math.abs(drag.end - drag.start) >= 5) {
      const a = timeAt(Math.min(drag.start, drag.end), width, range);
      const b = timeAt(Math.max(drag.start, drag.end), width, range);
      onZoom(a, b);
    }
    setDrag(null);
  };
  const width = hover === null ? 0 : widthNow();

  return (
    <div
      ref={layer}
      className={onZoom ? 'ts-chart-brush zoomable' : 'ts-chart-brush'}
      data-testid="chart-brush"
      style={{ left, right }}
      title={onZoom ? 'Drag across the chart to zoom' : undefined}
      onPointerDown={(e) => {
        if (!onZoom) return;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        const x = xOf(e);
        setDrag({ start: x, end: x });
      }}
      onPointerMove={(e) => {
        const x = xOf(e);
        if (drag) setDrag({ ...drag, end: x });
        if (readout) setHover(x);
      }}
      onPointerUp={finish}
      onPointerCancel={() => setDrag(null)}
      onPointerLeave={() => setHover(null)}
    >
      {drag && (
        <div
          className="ts-chart-selection"
          style={{ left: Math.min(drag.start, drag.end), width: Math.abs(drag.end - drag.start) }}
        />
      )}
      {readout && hover !== null && !drag && width > 0 && (
        <>
          <div className="ts-chart-cursor" style={{ left: hover }} />
          {readout(timeAt(hover, width, range), hover, width)}
        </>
      )}
    </div>
  );
}
