import { describe, expect, it } from 'vitest';
import { SilencePermissions } from './permissions';

describe('silencing permissions', () => {
  it('remembers a refusal for a few minutes, with its reason, then lets the user try again', () => {
    let now = 0;
    const permissions = new SilencePermissions(() => now);
    expect(permissions.of('am')).toEqual({ allowed: true });
    permissions.refuse('am', 'Alertmanager refused a silence for this login (403)');
    expect(permissions.of('am')).toEqual({
      allowed: false,
      reason: 'Alertmanager refused a silence for this login (403)',
    });
    expect(permissions.of('other')).toEqual({ allowed: true });
    now += 6 * 60_000;
    expect(permissions.of('am')).toEqual({ allowed: true });
    permissions.refuse('am', 'no');
    permissions.allow('am');
    expect(permissions.of('am').allowed).toBe(true);
  });
});
