// At start (when a workspace opens): an audit intent of a promotion or rollback with no outcome
// row means the console stopped mid-saga. What the registry and the clusters show now decides:
// every change in place -> finished; anything less -> the changes that were made are undone. The
// finding is written to the audit log (closing the intent) and told to the user.
import type { ReconcileNotice } from '../../../../../shared/contract/promotion';
import type { HostContext } from '../../../host-context';
import type { AuditEntry } from '../../../store/audit-entry';
import type { KubernetesLiveSource } from '../../sources/adapters/kubernetes';
import { registryClient } from '../gates';
import { deploymentUris, inferenceServiceUris, parseModelUri } from '../serving';
import { aliasTags, tagKeys, writeTags, type TagValues } from './alias-history';
import { applyPatch, readServingObject, rolloutState, type ServingKind } from './serving-cluster';
import type { PatchSpec } from './serving-patches';

interface ServingRecord {
  connection: string;
  context: string;
  kind: ServingKind;
  namespace: string;
  name: string;
  field: string;
  from: string;
  to: string;
  backward: PatchSpec;
}

interface IntentDetails {
  connection: string;
  model: string;
  alias: string;
  tagsBefore: TagValues;
  serving: ServingRecord[];
}

const actions = ['model.promote', 'model.rollback'] as const;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The version a serving URI (or an image naming one) pins. */
function pinnedVersion(uri: string): string | undefined {
  const at = uri.indexOf('models:/');
  return at >= 0 ? parseModelUri(uri.slice(at))?.version : undefined;
}

export async function reconcileInterrupted(
  ctx: HostContext,
  skip: ReadonlySet<string> = new Set(),
): Promise<ReconcileNotice[]> {
  const workspace = ctx.workspace();
  const open = actions
    .flatMap((action) => ctx.store.audit.list({ action, result: 'intent', limit: 1000 }))
    .filter((intent) => !skip.has(intent.correlationId))
    .filter((intent) => {
      const rows = ctx.store.audit.byCorrelation(intent.correlationId);
      return !rows.some((r) => r.action === intent.action && r.result !== 'intent');
    })
    .filter((intent) => {
      const connection = (intent.details as Partial<IntentDetails>).connection;
      return workspace.definition.connections.some((c) => c.connection.id === connection);
    })
    .sort((a, b) => a.seq - b.seq);
  const notices: ReconcileNotice[] = [];
  for (const intent of open) {
    const details = intent.details as unknown as IntentDetails;
    const kind = intent.action === 'model.promote' ? 'promote' : 'rollback';
    const base = {
      correlationId: intent.correlationId,
      kind,
      model: details.model,
      alias: details.alias,
      at: new Date().toISOString(),
    } as const;
    try {
      const { result, text, found } = await reconcileOne(ctx, intent, details);
      ctx.store.audit.append({
        actor: intent.actor,
        action: intent.action,
        target: intent.target,
        from: intent.from,
        to: intent.to,
        reason: intent.reason,
        result: result === 'finished' ? 'ok' : 'compensated',
        correlationId: intent.correlationId,
        details: { reconciled: result, found, actor: ctx.localActor() },
      });
      notices.push({ ...base, result, message: text });
    } catch (error) {
      // Not closed: the next start tries again. The attempt itself is on record.
      ctx.store.audit.append({
        actor: intent.actor,
        action: `${intent.action}.reconcile`,
        target: intent.target,
        result: 'failed',
        correlationId: intent.correlationId,
        details: { error: message(error) },
      });
      notices.push({
        ...base,
        result: 'failed',
        message: `An interrupted ${kind} of ${details.model}@${details.alias} could not be checked (${message(error)}); it will be checked again at the next start.`,
      });
    }
  }
  return notices;
}

async function reconcileOne(ctx: HostContext, intent: AuditEntry, d: IntentDetails) {
  const from = (intent.from as { version: string | null }).version;
  const to = (intent.to as { version: string }).version;
  const mlflow = await registryClient(ctx, d.connection);
  const current = (await mlflow.findModelVersionByAlias(d.model, d.alias))?.version ?? null;
  const serving = await Promise.all(
    d.serving.map(async (record) => {
      const clients = await clientsFor(ctx, record.connection, record.context);
      const obj = await readServingObject(clients, record.kind, record.namespace, record.name);
      const uris =
        record.kind === 'InferenceService' ? inferenceServiceUris(obj) : deploymentUris(obj);
      const atTarget = uris.some((u) => pinnedVersion(u.uri) === pinnedVersion(record.to));
      return { record, clients, atTarget, rollout: rolloutState(record.kind, obj) };
    }),
  );
  const found = {
    alias: current,
    serving: serving.map((s) => ({
      object: `${s.record.kind} ${s.record.namespace}/${s.record.name}`,
      at: s.atTarget ? s.record.to : s.record.from,
      rollout: s.rollout.state,
    })),
  };
  const what = `${d.model}@${d.alias} ${from ?? '(unset)'} -> ${to}`;
  const sawText = `found ${d.alias} at ${current ?? '(unset)'}${found.serving.map((s) => `, ${s.object} at ${s.at}`).join('')}`;
  const complete =
    current === to && serving.every((s) => s.atTarget && s.rollout.state !== 'failed');
  if (complete) {
    return {
      result: 'finished' as const,
      found,
      text: `The ${intent.action.slice(6)} ${what} was interrupted; ${sawText}: it had completed, and is recorded as done.`,
    };
  }
  const undone: string[] = [];
  for (const s of serving.filter((x) => x.atTarget)) {
    await applyPatch(
      s.clients,
      s.record.kind,
      s.record.namespace,
      s.record.name,
      s.record.backward,
    );
    undone.push(`${s.record.name} back to ${s.record.from}`);
  }
  if (current === to && from !== to) {
    if (from === null) await mlflow.deleteAlias(d.model, d.alias);
    else await mlflow.setAlias(d.model, d.alias, from);
    undone.push(`${d.alias} back to ${from ?? '(unset)'}`);
  }
  const tags = aliasTags((await mlflow.getRegisteredModel(d.model)).tags, d.alias);
  if (tags[tagKeys(d.alias).correlation] === intent.correlationId) {
    await writeTags(mlflow, d.model, d.tagsBefore);
    undone.push('history tags restored');
  }
  return {
    result: 'compensated' as const,
    found: { ...found, undone },
    text: `The ${intent.action.slice(6)} ${what} was interrupted; ${sawText}. ${undone.length ? `Undone: ${undone.join(', ')}.` : 'Nothing had changed.'}`,
  };
}

async function clientsFor(ctx: HostContext, connection: string, context: string) {
  const source = ctx.workspace().source(connection) as KubernetesLiveSource;
  return (await source.kube()).client(context);
}
