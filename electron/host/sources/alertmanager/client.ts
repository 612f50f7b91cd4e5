// An Alertmanager API v2 client: status, alerts and alert groups (filtered by matchers and by
// active / silenced / inhibited), silences to list, create and expire. Creating or expiring a
// silence changes what pages people: callers confirm it and pass the user as `createdBy`.
import * as z from 'zod';
import { describeIssues } from '../../../../shared/contract/core';
import type { ErrorBodyReader, HttpRequest } from '../http-client';
import type { MetricsEndpoint } from '../prometheus/endpoint';
import { SourceError } from '../source-error';
import {
  alertGroup,
  alertmanagerStatus,
  gettableAlert,
  gettableSilence,
  postSilenceAnswer,
  receiver,
  type AlertGroup,
  type AlertmanagerStatus,
  type GettableAlert,
  type GettableSilence,
  type Matcher,
} from './schemas';

export interface AlertFilter {
  /** Matchers, as objects or Alertmanager's text form (alertname="X", severity=~"crit.*"). */
  filter?: (string | Matcher)[];
  active?: boolean;
  silenced?: boolean;
  inhibited?: boolean;
  unprocessed?: boolean;
  /** A regex over receiver names. */
  receiver?: string;
}

export interface NewSilence {
  /** Give an existing silence's id to update it. */
  id?: string;
  matchers: Matcher[];
  startsAt: Date | string;
  endsAt: Date | string;
  createdBy: string;
  comment: string;
}

/** Alertmanager's errors are JSON strings ("silence not found") or go-openapi's {code, message}. */
export const readAlertmanagerError: ErrorBodyReader = (status, text) => {
  try {
    const body = JSON.parse(text) as unknown;
    // Alertmanager answers an unknown silence id on DELETE with 500 "silence not found".
    if (typeof body === 'string' && status === 500 && /silence not found/.test(body)) {
      return { detail: body, code: 'not_found' as const };
    }
    if (typeof body === 'string') return body;
    if (
      body &&
      typeof body === 'object' &&
      typeof (body as { message?: unknown }).message === 'string'
    ) {
      return (body as { message: string }).message;
    }
  } catch {
    // Not JSON: the HTTP client summarises the body.
  }
  return undefined;
};

/** A matcher in Alertmanager's text form, quoted and escaped: name="value", name!~"re". */
export function formatMatcher(m: Matcher): string {
  const op = m.isRegex ? (m.isEqual === false ? '!~' : '=~') : m.isEqual === false ? '!=' : '=';
  const value = m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `${m.name}${op}"${value}"`;
}

export class AlertmanagerClient {
  constructor(private readonly endpoint: MetricsEndpoint) {}

  get id(): string {
    return this.endpoint.id;
  }

  status(): Promise<AlertmanagerStatus> {
    return this.call({ path: 'api/v2/status' }, 'status', alertmanagerStatus);
  }

  receivers(): Promise<{ name: string }[]> {
    return this.call({ path: 'api/v2/receivers' }, 'receivers', z.array(receiver));
  }

  alerts(filter: AlertFilter = {}): Promise<GettableAlert[]> {
    return this.call(
      { path: 'api/v2/alerts', query: alertQuery(filter) },
      'alerts',
      z.array(gettableAlert),
    );
  }

  alertGroups(filter: Omit<AlertFilter, 'unprocessed'> = {}): Promise<AlertGroup[]> {
    return this.call(
      { path: 'api/v2/alerts/groups', query: alertQuery(filter) },
      'alert groups',
      z.array(alertGroup),
    );
  }

  silences(filter: (string | Matcher)[] = []): Promise<GettableSilence[]> {
    const query = filter.length
      ? { filter: filter.map((f) => (typeof f === 'string' ? f : formatMatcher(f))) }
      : {};
    return this.call({ path: 'api/v2/silences', query }, 'silences', z.array(gettableSilence));
  }

  silence(id: string): Promise<GettableSilence> {
    return this.call(
      { path: `api/v2/silence/${encodeURIComponent(id)}` },
      'silence',
      gettableSilence,
    );
  }

  /** Creates (or, with `id`, updates) a silence; answers its id. */
  async createSilence(silence: NewSilence): Promise<string> {
    const json = {
      ...(silence.id ? { id: silence.id } : {}),
      matchers: silence.matchers.map((m) => ({
        name: m.name,
        value: m.value,
        isRegex: m.isRegex,
        isEqual: m.isEqual ?? true,
      })),
      startsAt: toIso(silence.startsAt),
      endsAt: toIso(silence.endsAt),
      createdBy: silence.createdBy,
      comment: silence.comment,
    };
    const answer = await this.call(
      { method: 'POST', path: 'api/v2/silences', json },
      'the new silence',
      postSilenceAnswer,
    );
    return answer.silenceID;
  }

  /** Expires a silence now (Alertmanager keeps it, as expired). */
  async expireSilence(id: string): Promise<void> {
    await this.call(
      { method: 'DELETE', path: `api/v2/silence/${encodeURIComponent(id)}` },
      'expiring the silence',
      z.unknown(),
    );
  }

  async close(): Promise<void> {
    await this.endpoint.close();
  }

  private async call<S extends z.ZodType>(
    req: HttpRequest,
    what: string,
    schema: S,
  ): Promise<z.infer<S>> {
    const body: unknown = (await this.endpoint.json(req)).body;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error)
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ');
      throw new SourceError(
        'bad_response',
        `${this.id} answered ${what} in a shape that is not Alertmanager's (${issues})`,
        {
          source: this.id,
        },
      );
    }
    return parsed.data;
  }
}

function alertQuery(filter: AlertFilter): HttpRequest['query'] {
  return {
    ...(filter.filter?.length
      ? { filter: filter.filter.map((f) => (typeof f === 'string' ? f : formatMatcher(f))) }
      : {}),
    active: filter.active,
    silenced: filter.silenced,
    inhibited: filter.inhibited,
    unprocessed: filter.unprocessed,
    receiver: filter.receiver,
  };
}

function toIso(time: Date | string): string {
  return time instanceof Date ? time.toISOString() : time;
}
