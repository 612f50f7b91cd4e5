// Deployment gates of one version: fetches the figures the workspace's policy needs (the
// candidate's and the champion's metrics, validation runs, firing alerts, approvals) and decides
// each gate. PROMOTION calls this before moving an alias; the Gates checklist shows its answer.
import type { GateReport } from '../../../../../shared/contract/approvals';
import { policyFor, type ModelPolicy } from '../../../../../shared/model/promotion-policy';
import type { HostContext } from '../../../host-context';
import type { MlflowSource } from '../../../sources/mlflow';
import { CallFailure } from '../../../transport/failure';
import type { AlertmanagerLiveSource } from '../../sources/adapters/alertmanager';
import type { MlflowLiveSource } from '../../sources/adapters/mlflow';
import { eligibleApprovers } from '../approvals/approval-rules';
import { readApprovalTags } from '../approvals/approval-tags';
import { loadVersionFacts, metricsOfRun } from '../approvals/version-facts';
import { evaluatePolicy, type GateFigures } from './evaluate-gates';

export { evaluatePolicy, type GateFigures } from './evaluate-gates';

export const championAlias = 'champion';

/** The policy the open workspace sets for a model. */
export function modelPolicy(ctx: HostContext, model: string): ModelPolicy {
  return policyFor(model, ctx.workspace().definition.promotionPolicy ?? {});
}

/** The MLflow client of a connection of the open workspace. */
export async function registryClient(ctx: HostContext, id: string): Promise<MlflowSource> {
  const workspace = ctx.workspace();
  if (workspace.connection(id).kind !== 'mlflow') {
    throw new CallFailure('bad_request', `"${id}" is not an MLflow connection`);
  }
  return (workspace.source(id) as MlflowLiveSource).client();
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function firingAlerts(ctx: HostContext): Promise<GateFigures['alerts']> {
  const workspace = ctx.workspace();
  const am = workspace.definition.connections.find((c) => c.connection.kind === 'alertmanager');
  if (!am) return null;
  try {
    const source = workspace.source(am.connection.id) as AlertmanagerLiveSource;
    const alerts = await source.client.alerts({ active: true, silenced: false, inhibited: false });
    return alerts.map((a) => ({ labels: a.labels }));
  } catch (error) {
    return { error: message(error) };
  }
}

export async function evaluateGates(
  ctx: HostContext,
  args: { id: string; name: string; version: string },
): Promise<GateReport> {
  const mlflow = await registryClient(ctx, args.id);
  const policy = modelPolicy(ctx, args.name);
  const facts = await loadVersionFacts(mlflow, args.name, args.version);

  const needsChampion = policy.gates.some(
    (g) => g.kind === 'metric' && /\bchampion\s*\./.test(g.expression),
  );
  const championVersion = needsChampion
    ? await mlflow.findModelVersionByAlias(args.name, championAlias)
    : undefined;
  let champion: GateFigures['champion'] = null;
  if (championVersion) {
    const championFacts =
      championVersion.version === args.version
        ? facts
        : await loadVersionFacts(mlflow, args.name, championVersion.version);
    champion = {
      alias: championAlias,
      version: championVersion.version,
      metrics: metricsOfRun(championFacts.run),
    };
  }

  const validationRuns = new Map<
    string,
    { status?: string; passedTag?: string } | { error: string }
  >();
  for (const gate of policy.gates) {
    const runId = gate.kind === 'validationRun' ? facts.tags[gate.tag] : undefined;
    if (!runId || validationRuns.has(runId)) continue;
    try {
      const run = await mlflow.getRun(runId);
      const passedTag = run.data.tags.find((t) => t.key === 'validation.status')?.value;
      validationRuns.set(runId, {
        ...(run.info.status ? { status: run.info.status } : {}),
        ...(passedTag ? { passedTag } : {}),
      });
    } catch (error) {
      validationRuns.set(runId, { error: message(error) });
    }
  }

  const alerts = policy.gates.some((g) => g.kind === 'noDriftAlarm')
    ? await firingAlerts(ctx)
    : null;
  const approvals = eligibleApprovers(
    readApprovalTags(facts.tags),
    policy.approvals,
    facts.registrant,
  ).length;

  return evaluatePolicy(
    policy,
    {
      model: args.name,
      version: args.version,
      candidateMetrics: metricsOfRun(facts.run),
      champion,
      tags: facts.tags,
      validationRuns,
      alerts,
      approvals,
    },
    new Date().toISOString(),
  );
}
