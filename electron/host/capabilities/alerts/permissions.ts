// Whether silences can be made through a connection. Alertmanager has no "can I?" endpoint, so
// the console learns it the way the user would: a 401 or 403 to a silence is remembered (for
// a few minutes) and the buttons say why they are off, instead of failing again on every click.
import type * as z from 'zod';
import type { silencing } from '../../../../shared/contract/alerts';

type Silencing = z.infer<typeof silencing>;

/** Long enough not to hammer a server that said no; short enough to pick up a granted role. */
const rememberMs = 5 * 60_000;

export class SilencePermissions {
  private readonly refused = new Map<string, { reason: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  of(connection: string): Silencing {
    const refusal = this.refused.get(connection);
    if (!refusal || this.now() - refusal.at > rememberMs) return { allowed: true };
    return { allowed: false, reason: refusal.reason };
  }

  refuse(connection: string, reason: string): void {
    this.refused.set(connection, { reason, at: this.now() });
  }

  /** A silence went through: whatever refused it before has been fixed. */
  allow(connection: string): void {
    this.refused.delete(connection);
  }
}
