// The rendered width of an element, kept current with a ResizeObserver: the chart downsamples to
// it and pages pass it to the host as "max data points" when they choose a query step. Measured
// as the element attaches, before the browser paints, and `measured` says whether it has been:
// the chart waits for it rather than downsampling and drawing everything once at a guessed width
// and again at the real one.
import { useCallback, useState } from 'react';

export function useElementWidth<E extends HTMLElement>(fallback = 800) {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback(
    (element: E | null) => {
      if (!element) return;
      // A hidden element measures 0: keep the last width, or the fallback, rather than nothing.
      const measure = () => {
        const w = Math.round(element.getBoundingClientRect().width);
        setWidth((last) => (w > 0 ? w : (last ?? fallback)));
      };
      measure();
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(measure);
      observer.observe(element);
      return () => observer.disconnect();
    },
    [fallback],
  );
  return [ref, width ?? fallback, width !== null] as const;
}
