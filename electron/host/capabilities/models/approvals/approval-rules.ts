// Who may request, approve or reject, decided from the registry's tags and the policy. The
// answers carry the reason a button shows when it is disabled.
import type { ApprovalState, Permission } from '../../../../../shared/contract/approvals';
import type { ApprovalRule } from '../../../../../shared/model/promotion-policy';
import { approvalStatus, readApprovalTags, type ApprovalTags } from './approval-tags';
import type { Identity } from './identity';

const yes: Permission = { allowed: true };
const no = (reason: string): Permission => ({ allowed: false, reason });

/** Approvers the two-person rule lets count: never the registrant, never the requester. */
export function eligibleApprovers(
  read: ApprovalTags,
  rule: ApprovalRule,
  registrant: string | undefined,
): string[] {
  if (!rule.twoPersonRule) return read.approvers;
  return read.approvers.filter((a) => a !== registrant && a !== read.request?.by);
}

export function approvalState(opts: {
  model: string;
  version: string;
  tags: Readonly<Record<string, string>>;
  rule: ApprovalRule;
  registrant: string | undefined;
  identity: Identity | null;
  /** Why the registry refused this user's last write (a 403), if it did. */
  writeRefused?: string | undefined;
}): ApprovalState {
  const { rule, registrant, identity } = opts;
  const read = readApprovalTags(opts.tags);
  const approvers = eligibleApprovers(read, rule, registrant);
  const status = approvalStatus({ ...read, approvers }, rule.required);
  const user = identity?.user;

  const common = (): Permission | undefined => {
    if (!user)
      return no(
        'Not signed in: the MLflow connection has no login and no kube context user is known.',
      );
    if (opts.writeRefused) return no(opts.writeRefused);
    return undefined;
  };
  const decide = (decision: 'approved' | 'rejected'): Permission => {
    const blocked = common();
    if (blocked) return blocked;
    if (rule.twoPersonRule && user === registrant) {
      return no(
        `Two-person rule: ${user} registered this version and cannot ${decision === 'approved' ? 'approve' : 'reject'} it.`,
      );
    }
    if (rule.twoPersonRule && user === read.request?.by) {
      return no(`Two-person rule: ${user} requested this approval and cannot decide it.`);
    }
    const mine = read.votes.find((v) => v.current && v.by === user);
    if (mine?.decision === decision) return no(`You already ${decision} this version.`);
    if (status === 'rejected' && decision === 'approved') {
      return no('Rejected in this round: request approval again to start a new round.');
    }
    return yes;
  };
  const request = (): Permission => {
    const blocked = common();
    if (blocked) return blocked;
    if (status === 'pending') return no(`Already requested by ${read.request?.by ?? 'someone'}.`);
    if (status === 'approved') return no('Already approved.');
    return yes;
  };

  return {
    model: opts.model,
    version: opts.version,
    status,
    required: rule.required,
    twoPersonRule: rule.twoPersonRule,
    approvals: approvers.length,
    ...(read.request ? { request: read.request } : {}),
    votes: read.votes,
    ...(registrant ? { registrant } : {}),
    identity,
    can: { request: request(), approve: decide('approved'), reject: decide('rejected') },
  };
}
