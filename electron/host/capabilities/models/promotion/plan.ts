// The plan of a promotion or rollback: exactly what will change (alias from N to M, each serving
// object's patch), who acts, whether they may (MLflow write probe, SelfSubjectAccessReview), and
// the gates. The saga runs this plan; the dialog shows it.
import { createHash } from 'node:crypto';
import type { GateReport } from '../../../../../shared/contract/approvals';
import type {
  AliasMove,
  PromotionKind,
  PromotionPlan,
} from '../../../../../shared/contract/promotion';
import type { HostContext } from '../../../host-context';
import { approverIdentity } from '../approvals/identity';
import { evaluateGates, registryClient } from '../gates';
import { aliasTags, auditTarget, historyStack, lastMoveTo, type TagValues } from './alias-history';
import { probeRegistryWrite } from './registry-access';
import { canPatch, listServingObjects, type ServingContext } from './serving-cluster';
import { deploymentPatches, inferenceServicePatches, type PlannedPatch } from './serving-patches';
import { workspaceClusters } from './workspace-clusters';

export interface PlannedServing extends PlannedPatch {
  where: ServingContext;
  access: { allowed: boolean; reason?: string };
}

export interface Plan {
  kind: PromotionKind;
  connection: string;
  model: string;
  alias: string;
  from: string | null;
  to: string;
  canaryPercent?: number;
  actor: string;
  actorSource: string;
  idempotencyKey: string;
  serving: PlannedServing[];
  servingProblems: string[];
  registryAccess: { allowed: boolean; reason?: string };
  alreadyDone: boolean;
  blockers: string[];
  lastMove?: AliasMove;
  gates: GateReport | null;
  /** The console's alias tags before the move, restored by compensation. */
  tagsBefore: TagValues;
  /** The history stack after the move. */
  stackAfter: string[];
}

export interface PlanRequest {
  kind: PromotionKind;
  id: string;
  name: string;
  alias: string;
  /** The target version (promote); a rollback finds it in the history. */
  version?: string;
  canaryPercent?: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function buildPlan(ctx: HostContext, req: PlanRequest): Promise<Plan> {
  const mlflow = await registryClient(ctx, req.id);
  const model = await mlflow.getRegisteredModel(req.name);
  const from = model.aliases.find((a) => a.alias === req.alias)?.version ?? null;
  const tagsBefore = aliasTags(model.tags, req.alias);
  const stack = historyStack(tagsBefore, req.alias);
  const target = auditTarget(req.id, req.name, req.alias);
  const blockers: string[] = [];

  let to: string;
  let stackAfter: string[];
  if (req.kind === 'promote') {
    to = req.version!;
    stackAfter = from !== null && from !== to ? [...stack, from] : stack;
  } else {
    const previous = rollbackTarget(ctx, stack, from, target);
    if (from === null) blockers.push(`${req.name}@${req.alias} is not set: nothing to roll back`);
    else if (!previous) {
      blockers.push(
        `No previous ${req.alias} of ${req.name} is recorded (registry tag console.prev.${req.alias} or this console's audit log)`,
      );
    }
    to = previous ?? from ?? '';
    const at = stack.lastIndexOf(to);
    stackAfter = at >= 0 ? stack.slice(0, at) : stack;
  }

  // When the alias already points at the target, serving may still pin the old version (a move
  // interrupted elsewhere): plan the serving side from the previous target.
  const servingFrom = from === to ? (stack.at(-1) ?? null) : from;
  const identity = await approverIdentity(ctx, req.id);
  const [serving, registryAccess, gates] = await Promise.all([
    planServing(ctx, req, servingFrom, to),
    probeRegistryWrite(mlflow, req.name),
    req.kind === 'promote' ? gatesOf(ctx, req, blockers) : Promise.resolve(null),
  ]);
  if (!registryAccess.allowed && registryAccess.reason) blockers.push(registryAccess.reason);
  // An unseen cluster may serve the old version: moving the alias alone would half-promote it.
  for (const problem of serving.problems) {
    blockers.push(`Could not search for serving objects in ${problem}`);
  }
  for (const change of serving.changes) {
    if (!change.access.allowed) blockers.push(change.access.reason ?? 'a patch is not allowed');
  }
  const alreadyDone = from === to && serving.changes.length === 0;
  const canary = req.kind === 'promote' ? req.canaryPercent : undefined;
  const key = JSON.stringify([req.kind, req.id, req.name, req.alias, from, to, canary ?? null]);
  const lastMove = lastMoveTo(tagsBefore, req.alias, from, ctx.store.audit, target);
  return {
    kind: req.kind,
    connection: req.id,
    model: req.name,
    alias: req.alias,
    from,
    to,
    ...(canary ? { canaryPercent: canary } : {}),
    actor: identity?.user ?? ctx.localActor(),
    actorSource: identity?.from ?? 'the operating-system user (no registry login or kube user)',
    idempotencyKey: createHash('sha256').update(key).digest('hex').slice(0, 24),
    serving: serving.changes,
    servingProblems: serving.problems,
    registryAccess,
    alreadyDone,
    blockers,
    ...(lastMove ? { lastMove } : {}),
    gates,
    tagsBefore,
    stackAfter,
  };
}

/** The previous target: the history tag, else the `from` of the newest move here to `current`. */
function rollbackTarget(
  ctx: HostContext,
  stack: string[],
  current: string | null,
  target: string,
): string | undefined {
  const fromStack = [...stack].reverse().find((v) => v !== current);
  if (fromStack) return fromStack;
  const rows = ctx.store.audit
    .list({ action: 'model.promote', result: 'ok', limit: 500 })
    .filter((r) => r.target === target && (r.to as { version?: string })?.version === current);
  const from = (rows[0]?.from as { version?: string | null } | null)?.version;
  return from ?? undefined;
}

async function gatesOf(ctx: HostContext, req: PlanRequest, blockers: string[]) {
  try {
    return await evaluateGates(ctx, { id: req.id, name: req.name, version: req.version! });
  } catch (error) {
    blockers.push(`The gates could not be evaluated: ${message(error)}`);
    return null;
  }
}

async function planServing(
  ctx: HostContext,
  req: PlanRequest,
  from: string | null,
  to: string,
): Promise<{ changes: PlannedServing[]; problems: string[] }> {
  if (from === null || from === to) return { changes: [], problems: [] };
  const problems: string[] = [];
  const cause = {
    forward: `console ${req.kind}: ${req.name} v${from} -> v${to}`,
    backward: `console compensation: ${req.name} back to v${from}`,
  };
  const perContext = await Promise.all(
    (await workspaceClusters(ctx)).map(async (where) => {
      try {
        const clients = where.clients();
        const { isvcs, deployments } = await listServingObjects(clients);
        const canary = req.kind === 'promote' ? req.canaryPercent : undefined;
        const patches = [
          ...isvcs.flatMap((o) => inferenceServicePatches(o, req.name, from, to, canary)),
          ...deployments.flatMap((o) => deploymentPatches(o, req.name, from, to, cause)),
        ];
        return Promise.all(
          patches.map(async (p) => ({
            ...p,
            where,
            access: await canPatch(clients, p.kind, p.namespace, p.name).catch((e: unknown) => ({
              allowed: false,
              reason: `could not ask ${where.context} for permission: ${message(e)}`,
            })),
          })),
        );
      } catch (error) {
        problems.push(`${where.connection}/${where.context}: ${message(error)}`);
        return [];
      }
    }),
  );
  // Two contexts on one API server see the same object: keep one, preferring one allowed to patch.
  const byObject = new Map<string, PlannedServing>();
  for (const change of perContext.flat()) {
    const key = [change.where.server, change.kind, change.namespace, change.name, change.field];
    const id = key.join('|');
    const seen = byObject.get(id);
    if (!seen || (!seen.access.allowed && change.access.allowed)) byObject.set(id, change);
  }
  return { changes: [...byObject.values()], problems };
}

export function toContractPlan(plan: Plan): PromotionPlan {
  return {
    kind: plan.kind,
    connection: plan.connection,
    model: plan.model,
    alias: plan.alias,
    from: plan.from,
    to: plan.to,
    actor: plan.actor,
    actorSource: plan.actorSource,
    idempotencyKey: plan.idempotencyKey,
    serving: plan.serving.map((c) => ({
      kind: c.kind,
      connection: c.where.connection,
      context: c.where.context,
      namespace: c.namespace,
      name: c.name,
      field: c.field,
      from: c.from,
      to: c.to,
      ...(c.canaryPercent ? { canaryPercent: c.canaryPercent } : {}),
      patchType: c.forward.patchType,
      patch: JSON.stringify(c.forward.body),
      access: c.access,
    })),
    servingProblems: plan.servingProblems,
    registryAccess: plan.registryAccess,
    alreadyDone: plan.alreadyDone,
    blockers: plan.blockers,
    ...(plan.lastMove ? { lastMove: plan.lastMove } : {}),
    gates: plan.gates,
  };
}
