// Zoom by brushing: a transparent layer over the plot area; dragging across it selects a window
// that becomes the chart's new range. Pointer events keep it working with mouse, pen and touch.
import { useRef, useState, type PointerEvent } from 'react';
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
}: {
  left: number;
  right: number;
  range: ResolvedRange;
  onZoom: (from: number, to: number) => void;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);

  const xOf = (e: PointerEvent) => e.clientX - (layer.current?.getBoundingClientRect().left ?? 0);
  const finish = () => {
    const width = layer.current?.getBoundingClientRect().width ?? 0;
    if (drag && Math.abs(drag.end - drag.start) >= 5) {
      const a = timeAt(Math.min(drag.start, drag.end), width, range);
      const b = timeAt(Math.max(drag.start, drag.end), width, range);
      onZoom(a, b);
    }
    setDrag(null);
  };

  return (
    <div
      ref={layer}
      className="ts-chart-brush"
      data-testid="chart-brush"
      style={{ left, right }}
      title="Drag across the chart to zoom"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        const x = xOf(e);
        setDrag({ start: x, end: x });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, end: xOf(e) })}
      onPointerUp={finish}
      onPointerCancel={() => setDrag(null)}
    >
      {drag && (
        <div
          className="ts-chart-selection"
          style={{ left: Math.min(drag.start, drag.end), width: Math.abs(drag.end - drag.start) }}
        />
      )}
    </div>
  );
}
