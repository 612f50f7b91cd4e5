// Signals that failed or found nothing: shown above the figures, each naming its signal.
export function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <details className="monitoring-warnings" data-testid="monitoring-warnings">
      <summary>
        {warnings.length} signal{warnings.length === 1 ? '' : 's'} could not be read
      </summary>
      <ul>
        {warnings.map((w) => (
          <li key={w} className="mono">
            {w}
          </li>
        ))}
      </ul>
    </details>
  );
}
