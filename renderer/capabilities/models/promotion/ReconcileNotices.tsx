// What the console found at start about promotions or rollbacks a crash had cut short: each one
// finished or undone, said on screen (the same findings are in the audit log).
import { useCall } from '../../../data/queries';

export function ReconcileNotices({ model }: { model?: string }) {
  const notices = useCall('promotion.notices', {}, { staleTime: 10_000 });
  const shown = (notices.data?.notices ?? []).filter((n) => !model || n.model === model);
  if (shown.length === 0) return null;
  return (
    <section className="card promotion-notices" role="status" data-testid="reconcile-notices">
      <h2 className="section-title">Interrupted promotions reconciled at start</h2>
      <ul>
        {shown.map((n) => (
          <li key={n.correlationId} data-result={n.result}>
            <strong>{n.result}</strong>: {n.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
