// The rendered width of an element, kept current with a ResizeObserver: the chart downsamples to
// it and pages pass it to the host as "max data points" when they choose a query step.
import { useCallback, useEffect, useState } from 'react';

export function useElementWidth<E extends HTMLElement>(fallback = 800) {
  const [element, setElement] = useState<E | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((node: E | null) => setElement(node), []);
  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const w = Math.round(element.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width] as const;
}
