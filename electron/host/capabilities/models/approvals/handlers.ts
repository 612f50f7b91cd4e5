// The approvals capability's calls: read a version's approval state and gates, request, approve
// or reject. State comes from the registry's tags on every read, so a teammate's decision shows
// up on the next refresh; nothing about approvals is kept only locally.
import type { ApprovalState } from '../../../../../shared/contract/approvals';
import type { HostContext } from '../../../host-context';
import { SourceError } from '../../../sources/source-error';
import type { Handlers } from '../../../transport/dispatcher';
import { CallFailure } from '../../../transport/failure';
import { readThroughSnapshot } from '../../sources/snapshot';
import { evaluateGates, modelPolicy, registryClient } from '../gates';
import { approvalState, eligibleApprovers } from './approval-rules';
import {
  approvalStatus,
  gatesTag,
  gatesValue,
  readApprovalTags,
  requestTag,
  requestValue,
  statusTag,
  voteTag,
  voteValue,
} from './approval-tags';
import { approverIdentity } from './identity';
import { auditedWrites, gateSummary } from './record-decision';
import { loadVersionFacts } from './version-facts';
import { registryWriteRefusal } from './write-permission';

type ApprovalsCalls =
  'approvals.get' | 'approvals.gates' | 'approvals.request' | 'approvals.decide';

export function approvalsHandlers(ctx: HostContext): Pick<Handlers, ApprovalsCalls> {
  // The registry answered 403 to this user's last write on this connection: buttons say so
  // until a write succeeds (MLflow has no call that says in advance whether one may write).
  const refused = new Map<string, string>();
  /** The basic-auth username of an MLflow connection, the only identity MLflow can check. */
  const loginOf = (id: string) => {
    const connection = ctx.workspace().connection(id);
    return connection.kind === 'mlflow' && connection.auth.type === 'basic'
      ? connection.auth.username
      : undefined;
  };
  const refusalKey = (id: string, user: string) => `${ctx.workspace().id}/${id}/${user}`;

  const currentState = async (id: string, name: string, version: string) => {
    const mlflow = await registryClient(ctx, id);
    const [facts, identity] = await Promise.all([
      loadVersionFacts(mlflow, name, version),
      approverIdentity(ctx, id),
    ]);
    const rule = modelPolicy(ctx, name).approvals;
    const state = approvalState({
      model: name,
      version,
      tags: facts.tags,
      rule,
      registrant: facts.registrant,
      identity,
      writeRefused: identity
        ? (refused.get(refusalKey(id, identity.user)) ??
          (loginOf(id) === identity.user
            ? await registryWriteRefusal(mlflow, identity.user, name)
            : undefined))
        : undefined,
    });
    return { mlflow, facts, identity, rule, state };
  };

  /** Remembers a 403 so the buttons are disabled with the registry's own words. */
  const remember403 = (id: string, user: string, error: unknown) => {
    if (error instanceof SourceError && error.code === 'forbidden') {
      refused.set(
        refusalKey(id, user),
        `The registry refused ${user} a write on this model (403: ${error.message}). Ask for EDIT permission on it.`,
      );
    }
  };

  const requireIdentity = (state: ApprovalState) => {
    if (!state.identity) {
      throw new CallFailure(
        'unauthorized',
        'Not signed in: the MLflow connection has no login and no kube context user is known.',
      );
    }
    return state.identity.user;
  };

  /**
   * The state after a write. Two approvers deciding at once may each write a summary computed
   * before the other's vote; whoever reads afterwards puts the summary right.
   */
  const settled = async (id: string, name: string, version: string) => {
    const after = await currentState(id, name, version);
    if (after.facts.tags[statusTag] !== after.state.status) {
      await after.mlflow.setModelVersionTag(name, version, statusTag, after.state.status);
    }
    return after.state;
  };

  const cacheKey = (kind: string, name: string, version: string) => `${kind}:${name}:${version}`;

  return {
    'approvals.get': ({ id, name, version, from }) =>
      readThroughSnapshot({
        store: ctx.store,
        source: ctx.workspace().snapshotSource(id),
        key: cacheKey('approvals', name, version),
        from,
        fetch: async () => (await currentState(id, name, version)).state,
      }),

    'approvals.gates': ({ id, name, version, from }) =>
      readThroughSnapshot({
        store: ctx.store,
        source: ctx.workspace().snapshotSource(id),
        key: cacheKey('gates', name, version),
        from,
        fetch: () => evaluateGates(ctx, { id, name, version }),
      }),

    'approvals.request': async ({ id, name, version, reason }) => {
      const { mlflow, state } = await currentState(id, name, version);
      const user = requireIdentity(state);
      // Asking twice is a no-op, so a retried click never starts a second round.
      if (state.status === 'pending' && state.request?.by === user) return state;
      if (!state.can.request.allowed) {
        throw new CallFailure('conflict', state.can.request.reason ?? 'Cannot request approval');
      }
      const request = { id: crypto.randomUUID(), by: user, at: new Date().toISOString(), reason };
      try {
        await auditedWrites(ctx, {
          mlflow,
          actor: user,
          action: 'approval.request',
          model: name,
          version,
          from: state.status,
          to: 'pending',
          reason,
          details: { requestId: request.id, identityFrom: state.identity?.from },
          writes: async () => [
            { key: requestTag, value: requestValue(request) },
            { key: statusTag, value: 'pending' },
          ],
        });
        refused.delete(refusalKey(id, user));
      } catch (error) {
        remember403(id, user, error);
        throw error;
      }
      return settled(id, name, version);
    },

    'approvals.decide': async ({ id, name, version, decision, reason }) => {
      const { mlflow, state, rule, facts } = await currentState(id, name, version);
      const user = requireIdentity(state);
      const verdict = decision === 'approve' ? 'approved' : 'rejected';
      const mine = state.votes.find((v) => v.current && v.by === user);
      if (mine?.decision === verdict) return state; // a retried click changes nothing
      const permission = decision === 'approve' ? state.can.approve : state.can.reject;
      if (!permission.allowed) {
        // Who may not act is "forbidden"; a state that moved on (already rejected) is a conflict.
        const forbidden = /^(Two-person rule|The registry|Not signed in)/.test(
          permission.reason ?? '',
        );
        throw new CallFailure(
          forbidden ? 'forbidden' : 'conflict',
          permission.reason ?? 'Not allowed',
        );
      }
      const report = await evaluateGates(ctx, { id, name, version });
      const vote = {
        by: user,
        decision: verdict,
        at: new Date().toISOString(),
        reason,
        gates: gateSummary(report),
        ...(state.request ? { request: state.request.id } : {}),
      } as const;
      // The status summary is computed as it will be once this vote is in.
      const after = readApprovalTags({ ...facts.tags, [voteTag(user)]: voteValue(vote) });
      const status = approvalStatus(
        { ...after, approvers: eligibleApprovers(after, rule, facts.registrant) },
        rule.required,
      );
      try {
        await auditedWrites(ctx, {
          mlflow,
          actor: user,
          action: decision === 'approve' ? 'approval.approve' : 'approval.reject',
          model: name,
          version,
          from: state.status,
          to: status,
          reason,
          details: {
            identityFrom: state.identity?.from,
            requestId: state.request?.id,
            gates: report.gates.map((g) => ({
              name: g.name,
              status: g.status,
              actual: g.actual,
              threshold: g.threshold,
            })),
          },
          writes: async () => [
            { key: voteTag(user), value: voteValue(vote) },
            { key: gatesTag, value: gatesValue(report.gates) },
            { key: statusTag, value: status },
          ],
        });
        refused.delete(refusalKey(id, user));
      } catch (error) {
        remember403(id, user, error);
        throw error;
      }
      return settled(id, name, version);
    },
  };
}
