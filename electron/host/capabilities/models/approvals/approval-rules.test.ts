import { describe, expect, it } from 'vitest';
import { approvalState } from './approval-rules';
import { requestTag, requestValue, voteTag, voteValue } from './approval-tags';

const request = { id: 'r1', by: 'rita', at: '2026-11-26T10:00:00Z', reason: 'ready for review' };
const vote = (by: string, decision: 'approved' | 'rejected', req = 'r1') => ({
  [voteTag(by)]: voteValue({
    by,
    decision,
    at: `2026-11-26T11:00:00Z`,
    reason: 'ok',
    request: req,
  }),
});
const state = (
  tags: Record<string, string>,
  user: string | null,
  rule = { required: 2, twoPersonRule: true },
) =>
  approvalState({
    model: 'fraud',
    version: '4',
    tags,
    rule,
    registrant: 'reg',
    identity: user ? { user, from: 'the MLflow login' } : null,
  });

describe('approvalState', () => {
  const requested = { [requestTag]: requestValue(request) };

  it('is pending after a request and approved after N distinct approvals', () => {
    expect(state(requested, 'ann')).toMatchObject({ status: 'pending', approvals: 0 });
    const one = { ...requested, ...vote('ann', 'approved') };
    expect(state(one, 'bob')).toMatchObject({ status: 'pending', approvals: 1 });
    const two = { ...one, ...vote('bob.smith@corp.com', 'approved') };
    expect(state(two, 'cy')).toMatchObject({ status: 'approved', approvals: 2 });
  });

  it('enforces the two-person rule on the registrant and the requester', () => {
    expect(state(requested, 'reg').can.approve).toEqual({
      allowed: false,
      reason: 'Two-person rule: reg registered this version and cannot approve it.',
    });
    expect(state(requested, 'rita').can.approve.reason).toMatch(/rita requested this approval/);
    expect(state(requested, 'ann').can.approve).toEqual({ allowed: true });
    // A hand-written vote by the registrant does not count either.
    expect(state({ ...requested, ...vote('reg', 'approved') }, 'ann').approvals).toBe(0);
    // Without the rule they may.
    expect(state(requested, 'reg', { required: 1, twoPersonRule: false }).can.approve.allowed).toBe(
      true,
    );
  });

  it('says why when not signed in or refused by the registry', () => {
    expect(state(requested, null).can.approve.reason).toMatch(/^Not signed in/);
    const refused = approvalState({
      model: 'fraud',
      version: '4',
      tags: requested,
      rule: { required: 1, twoPersonRule: true },
      registrant: 'reg',
      identity: { user: 'ann', from: 'x' },
      writeRefused: 'The registry refused ann a write (403)',
    });
    expect(refused.can.approve).toEqual({
      allowed: false,
      reason: 'The registry refused ann a write (403)',
    });
  });

  it('lets a rejection win, and a new request start a new round', () => {
    const rejected = { ...requested, ...vote('ann', 'approved'), ...vote('bob', 'rejected') };
    expect(state(rejected, 'cy')).toMatchObject({ status: 'rejected' });
    expect(state(rejected, 'cy').can.approve.allowed).toBe(false);
    expect(state(rejected, 'cy').can.request.allowed).toBe(true);
    const again = { ...rejected, [requestTag]: requestValue({ ...request, id: 'r2' }) };
    const fresh = state(again, 'cy');
    expect(fresh).toMatchObject({ status: 'pending', approvals: 0 });
    expect(fresh.votes.map((v) => v.current)).toEqual([false, false]);
  });

  it('ignores tags edited into nonsense', () => {
    expect(state({ [requestTag]: '{not json', [voteTag('x')]: '"yes"' }, 'ann')).toMatchObject({
      status: 'none',
      votes: [],
    });
  });
});
