// The audit log has its own page (filters, the chain check, exports); Settings points there so
// there is one place to read it.
import { Link } from 'react-router-dom';

export function AuditSection() {
  return (
    <section
      className="settings-section"
      id="settings-audit"
      aria-labelledby="settings-audit-title"
    >
      <header className="section-header">
        <div>
          <h2 id="settings-audit-title" tabIndex={-1}>
            Audit log
          </h2>
          <p className="muted">
            Every change the console makes is recorded in a hash chain. Read it, filter it, verify
            it and export it on the Audit log page.
          </p>
        </div>
        <Link to="/audit" className="button" data-testid="settings-open-audit">
          Open the audit log
        </Link>
      </header>
    </section>
  );
}
