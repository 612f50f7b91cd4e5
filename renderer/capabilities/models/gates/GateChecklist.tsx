// The deployment gates as a checklist: each gate's verdict, the figure measured and the
// threshold it had to meet, and why. Reused by the promote dialog, so it takes a report and
// fetches nothing itself.
import type { GateReport, GateResult, GateStatus } from '../../../../shared/contract/approvals';
import { Badge, type Tone } from '../../../components/StatusBadge';
import '../approvals/approvals.css';

const verdict: Record<GateStatus, { label: string; tone: Tone; mark: string }> = {
  passed: { label: 'passed', tone: 'ok', mark: '✓' },
  failed: { label: 'failed', tone: 'danger', mark: '✗' },
  not_evaluated: { label: 'not evaluated', tone: 'warn', mark: '?' },
};

const figure = (value: GateResult['actual']) => (value === undefined ? '—' : String(value));

export function GateChecklist({
  report,
  compact = false,
}: {
  report: GateReport;
  /** Leaves out the summary line, e.g. inside a dialog that says it already. */
  compact?: boolean;
}) {
  if (report.gates.length === 0) {
    return (
      <p className="muted" data-testid="gate-checklist">
        No gates apply to {report.model} (policy: {report.policy.gates}).
      </p>
    );
  }
  return (
    <div data-testid="gate-checklist">
      {!compact && (
        <p className="gates-summary" data-testid="gates-summary">
          {report.passed ? (
            <Badge tone="ok">All gates passed</Badge>
          ) : (
            <Badge tone="danger">Blocked by {report.blocking.length}</Badge>
          )}{' '}
          <span className="muted small">
            {report.champion
              ? `against ${report.champion.alias} v${report.champion.version}`
              : 'no champion yet'}{' '}
            · policy “{report.policy.gates}” · evaluated {report.evaluatedAt.slice(11, 16)} UTC
          </span>
        </p>
      )}
      <table className="gates-table">
        <thead>
          <tr>
            <th scope="col">Gate</th>
            <th scope="col">Result</th>
            <th scope="col">Actual</th>
            <th scope="col">Threshold</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {report.gates.map((g) => {
            const v = verdict[g.status];
            return (
              <tr key={`${g.kind}:${g.name}`} data-gate-status={g.status} data-testid="gate-row">
                <td>
                  <span className={`gate-mark tone-${v.tone}`} aria-hidden="true">
                    {v.mark}
                  </span>{' '}
                  {g.name}
                </td>
                <td>
                  <Badge tone={v.tone}>{v.label}</Badge>
                </td>
                <td className="mono">{figure(g.actual)}</td>
                <td className="mono">{figure(g.threshold)}</td>
                <td className="small">{g.explanation}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
