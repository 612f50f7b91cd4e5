// Creating and expiring silences: each an intent row in the audit log, then the outcome. Both are
// safe to retry: a create finds the silence an earlier attempt made (same matchers, author and
// comment, still running) instead of stacking a second one; expiring an expired one is a no-op.
import type { CallArgs, CallOutput } from '../../../../shared/contract';
import type { SilenceMatcher } from '../../../../shared/contract/alerts';
import type { HostContext } from '../../host-context';
import { formatMatcher, type GettableSilence } from '../../sources/alertmanager';
import { SourceError } from '../../sources/source-error';
import { CallFailure } from '../../transport/failure';
import { alertmanagerById } from './alertmanagers';
import { silenceAuthor } from './identity';
import type { SilencePermissions } from './permissions';

export async function createSilence(
  ctx: HostContext,
  permissions: SilencePermissions,
  input: CallArgs<'alerts.createSilence'>,
  now: () => number = Date.now,
): Promise<CallOutput<'alerts.createSilence'>> {
  const { connection, client } = alertmanagerById(ctx, input.connection);
  refuseWhenForbidden(permissions, connection.id);
  const createdBy = silenceAuthor(connection, ctx.localActor());
  const matchers = input.matchers.map((m) => ({ ...m }));
  const target = `${connection.id}: ${matchers.map(formatMatcher).join(', ')}`;
  const startsAt = new Date(now());
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
  const intent = ctx.store.audit.append({
    actor: createdBy,
    action: 'alerts.silence.create',
    target,
    to: { matchers, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    reason: input.comment,
    result: 'intent',
  });
  const outcome = (result: 'ok' | 'failed', details: Record<string, unknown>) =>
    ctx.store.audit.append({
      actor: createdBy,
      action: 'alerts.silence.create',
      target,
      reason: input.comment,
      result,
      correlationId: intent.correlationId,
      details,
    });
  try {
    const earlier = (await client.silences()).find(
      (s) =>
        s.status.state !== 'expired' &&
        s.createdBy === createdBy &&
        s.comment === input.comment &&
        sameMatchers(s.matchers, matchers),
    );
    const silenceId =
      earlier?.id ??
      (await client.createSilence({
        matchers,
        startsAt,
        endsAt,
        createdBy,
        comment: input.comment,
      }));
    permissions.allow(connection.id);
    outcome('ok', { silenceId, reused: Boolean(earlier) });
    return {
      connection: connection.id,
      silenceId,
      endsAt: earlier?.endsAt ?? endsAt.toISOString(),
    };
  } catch (error) {
    rememberRefusal(permissions, connection.id, error);
    outcome('failed', { error: errorText(error) });
    throw error;
  }
}

export async function expireSilence(
  ctx: HostContext,
  permissions: SilencePermissions,
  input: CallArgs<'alerts.expireSilence'>,
): Promise<CallOutput<'alerts.expireSilence'>> {
  const { connection, client } = alertmanagerById(ctx, input.connection);
  refuseWhenForbidden(permissions, connection.id);
  const actor = silenceAuthor(connection, ctx.localActor());
  const target = `${connection.id}: silence ${input.silenceId}`;
  const before = await client.silence(input.silenceId).catch((error: unknown) => {
    if (error instanceof SourceError && error.status === 404) {
      throw new CallFailure('not_found', `${connection.name} has no silence ${input.silenceId}`, {
        source: connection.id,
      });
    }
    throw error;
  });
  const intent = ctx.store.audit.append({
    actor,
    action: 'alerts.silence.expire',
    target,
    from: describe(before),
    to: { state: 'expired' },
    result: 'intent',
  });
  const outcome = (result: 'ok' | 'failed', details: Record<string, unknown>) =>
    ctx.store.audit.append({
      actor,
      action: 'alerts.silence.expire',
      target,
      result,
      correlationId: intent.correlationId,
      details,
    });
  if (before.status.state === 'expired') {
    outcome('ok', { alreadyExpired: true });
    return { connection: connection.id, silenceId: input.silenceId, wasExpired: true };
  }
  try {
    await client.expireSilence(input.silenceId);
    outcome('ok', {});
    return { connection: connection.id, silenceId: input.silenceId, wasExpired: false };
  } catch (error) {
    rememberRefusal(permissions, connection.id, error);
    outcome('failed', { error: errorText(error) });
    throw error;
  }
}

function describe(silence: GettableSilence): Record<string, unknown> {
  return {
    state: silence.status.state,
    matchers: silence.matchers,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
}

function sameMatchers(a: GettableSilence['matchers'], b: SilenceMatcher[]): boolean {
  const text = (list: SilenceMatcher[]) => list.map(formatMatcher).sort().join(',');
  return text(a) === text(b);
}

function refuseWhenForbidden(permissions: SilencePermissions, connection: string): void {
  const state = permissions.of(connection);
  if (!state.allowed) throw new CallFailure('forbidden', state.reason ?? 'Silencing is refused');
}

function rememberRefusal(permissions: SilencePermissions, connection: string, error: unknown) {
  if (
    error instanceof SourceError &&
    (error.code === 'forbidden' || error.code === 'unauthorized')
  ) {
    permissions.refuse(
      connection,
      `Alertmanager refused a silence for this login (${error.status ?? error.code}); ask for write access`,
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
