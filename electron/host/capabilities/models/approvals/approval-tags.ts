// The approval scheme, as model-version tags every MLflow client can read:
//
//   console.approval.request          {"id","by","at","reason"}         who asked, and why
//   console.approval.vote.<user>      {"by","decision","at","reason","gates","request"}
//   console.approval.status           none | pending | approved | rejected   (a summary for search:
//                                     `tags.\`console.approval.status\` = 'approved'`)
//   console.approval.gates            the gate results at the last decision, as JSON
//
// Each approver writes only their own vote key, so two approvers acting at once never overwrite
// each other, and approving twice changes nothing. A new request starts a new round: votes of
// older rounds stay as history but no longer count.
import type { ApprovalVote } from '../../../../../shared/contract/approvals';

export const approvalTagPrefix = 'console.approval.';
export const requestTag = `${approvalTagPrefix}request`;
export const statusTag = `${approvalTagPrefix}status`;
export const gatesTag = `${approvalTagPrefix}gates`;
const votePrefix = `${approvalTagPrefix}vote.`;

/** MLflow tag keys allow word characters, `.`, `-`, `/`, space and `:`; an e-mail's `@` is not. */
export function voteTag(user: string): string {
  return votePrefix + user.replace(/[^\w.-]/g, '_');
}

export interface ApprovalRequest {
  id: string;
  by: string;
  at: string;
  reason: string;
}

interface StoredVote {
  by: string;
  decision: 'approved' | 'rejected';
  at: string;
  reason: string;
  gates?: string;
  request?: string;
}

export interface ApprovalTags {
  request?: ApprovalRequest;
  votes: ApprovalVote[];
  /** Distinct approvers in the current round. */
  approvers: string[];
  rejecters: string[];
}

const parse = (text: string | undefined): Record<string, unknown> | undefined => {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads the scheme back; a tag someone edited by hand into nonsense is ignored, not fatal. */
export function readApprovalTags(tags: Readonly<Record<string, string>>): ApprovalTags {
  const r = parse(tags[requestTag]);
  const request =
    r && str(r.id) && str(r.by)
      ? {
          id: str(r.id) ?? '',
          by: str(r.by) ?? '',
          at: str(r.at) ?? '',
          reason: str(r.reason) ?? '',
        }
      : undefined;
  const votes: ApprovalVote[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (!key.startsWith(votePrefix)) continue;
    const v = parse(value);
    const decision = str(v?.decision);
    const by = str(v?.by);
    if (!v || !by || (decision !== 'approved' && decision !== 'rejected')) continue;
    const gates = str(v.gates);
    votes.push({
      by,
      decision,
      at: str(v.at) ?? '',
      reason: str(v.reason) ?? '',
      ...(gates ? { gates } : {}),
      current: (str(v.request) ?? undefined) === request?.id,
    });
  }
  votes.sort((a, b) => a.at.localeCompare(b.at));
  const current = votes.filter((v) => v.current);
  return {
    ...(request ? { request } : {}),
    votes,
    approvers: [...new Set(current.filter((v) => v.decision === 'approved').map((v) => v.by))],
    rejecters: [...new Set(current.filter((v) => v.decision === 'rejected').map((v) => v.by))],
  };
}

export function approvalStatus(
  read: ApprovalTags,
  required: number,
): 'none' | 'pending' | 'approved' | 'rejected' {
  if (read.rejecters.length > 0) return 'rejected';
  if (read.approvers.length >= required && (required > 0 || read.approvers.length > 0))
    return 'approved';
  return read.request ? 'pending' : 'none';
}

export function voteValue(vote: StoredVote): string {
  return JSON.stringify(vote);
}

export function requestValue(request: ApprovalRequest): string {
  return JSON.stringify(request);
}

/** MLflow guarantees 5000 bytes per tag value: drop explanations first, then gates, to fit. */
export function gatesValue(
  gates: { name: string; status: string; actual?: number | string; threshold?: number | string }[],
): string {
  const slim = gates.map((g) => ({
    name: g.name,
    status: g.status,
    ...(g.actual !== undefined ? { actual: g.actual } : {}),
    ...(g.threshold !== undefined ? { threshold: g.threshold } : {}),
  }));
  let text = JSON.stringify(slim);
  while (new TextEncoder().encode(text).length > 5000 && slim.length > 0) {
    slim.pop();
    text = JSON.stringify([...slim, { name: '…', status: 'truncated' }]);
  }
  return text;
}
