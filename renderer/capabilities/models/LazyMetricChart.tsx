// The chart library is loaded when a chart is first shown, so it does not weigh on the console's
// start-up (the Overview paints without it).
import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from '../../components/Skeleton';

const MetricChart = lazy(() => import('./MetricChart').then((m) => ({ default: m.MetricChart })));

export function LazyMetricChart(props: ComponentProps<typeof MetricChart>) {
  return (
    <Suspense fallback={<Skeleton lines={4} label="Loading chart" />}>
      <MetricChart {...props} />
    </Suspense>
  );
}
