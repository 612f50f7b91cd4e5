// MLflow keeps no alias history and no compare-and-swap, so the console records it in registered
// model tags every teammate's console reads: the previous target (`console.prev.<alias>`, the
// convention others script against), a stack of earlier targets for repeated rollbacks, and who
// moved the alias last, when, to which version, in which saga.
import type { AuditLog } from '../../../store/audit-log';
import type { MlflowSource } from '../../../sources/mlflow';
import type { AliasMove } from '../../../../../shared/contract/promotion';

export const historyLimit = 40;

export const tagKeys = (alias: string) => ({
  prev: `console.prev.${alias}`,
  history: `console.history.${alias}`,
  by: `console.${alias}.by`,
  at: `console.${alias}.at`,
  version: `console.${alias}.version`,
  correlation: `console.${alias}.correlation`,
});

export type TagValues = Record<string, string | null>;

/** The console's tags for one alias as they are now (null: absent), to restore on compensation. */
export function aliasTags(tags: { key: string; value: string }[], alias: string): TagValues {
  const keys = Object.values(tagKeys(alias));
  return Object.fromEntries(keys.map((k) => [k, tags.find((t) => t.key === k)?.value ?? null]));
}

export function historyStack(tags: TagValues, alias: string): string[] {
  const raw = tags[tagKeys(alias).history];
  const stack = raw ? raw.split(',').filter((v) => /^\d+$/.test(v)) : [];
  const prev = tags[tagKeys(alias).prev];
  // A prev tag written by an older console or by hand still counts.
  if (stack.length === 0 && prev) return [prev];
  return stack;
}

/** The tags after a move; `stack` is what the history becomes (pushed or popped). */
export function tagsAfterMove(
  alias: string,
  stack: string[],
  move: { by: string; at: string; to: string; correlationId: string },
): TagValues {
  const keys = tagKeys(alias);
  const kept = stack.slice(-historyLimit);
  return {
    [keys.prev]: kept.at(-1) ?? null,
    [keys.history]: kept.length ? kept.join(',') : null,
    [keys.by]: move.by,
    [keys.at]: move.at,
    [keys.version]: move.to,
    [keys.correlation]: move.correlationId,
  };
}

/** Writes the tags (null deletes), so compensation can put back exactly what was there. */
export async function writeTags(mlflow: MlflowSource, model: string, tags: TagValues) {
  for (const [key, value] of Object.entries(tags)) {
    if (value !== null) await mlflow.setRegisteredModelTag(model, key, value);
    else await mlflow.deleteRegisteredModelTag(model, key).catch(ignoreMissingTag);
  }
}

function ignoreMissingTag(error: unknown): void {
  if ((error as { code?: string }).code === 'not_found') return;
  throw error;
}

export const auditTarget = (connection: string, model: string, alias: string) =>
  `models/${connection}/${model}@${alias}`;

/**
 * Who last moved the alias to `current`: the registry's tags when they describe that version,
 * else the newest successful move in this console's audit log.
 */
export function lastMoveTo(
  tags: TagValues,
  alias: string,
  current: string | null,
  audit: AuditLog,
  target: string,
): AliasMove | undefined {
  const keys = tagKeys(alias);
  const by = tags[keys.by];
  const at = tags[keys.at];
  if (by && at && tags[keys.version] === current && current !== null) {
    return { by, at, from: tags[keys.prev] ?? null, to: current, source: 'registry' };
  }
  for (const action of ['model.promote', 'model.rollback']) {
    const rows = audit
      .list({ action, result: 'ok', limit: 200 })
      .filter((r) => r.target === target && (r.to as { version?: string })?.version === current);
    const row = rows[0];
    if (row && current !== null) {
      const from = (row.from as { version?: string | null } | null)?.version ?? null;
      return { by: row.actor, at: row.at, from, to: current, source: 'audit' };
    }
  }
  return undefined;
}

export function describeMove(move: AliasMove | undefined, alias: string, current: string | null) {
  if (!move) {
    return `${alias} now points at ${current ?? 'nothing'}, moved outside this console (no record of who)`;
  }
  return `${alias} was moved to version ${move.to} by ${move.by} at ${move.at}`;
}
