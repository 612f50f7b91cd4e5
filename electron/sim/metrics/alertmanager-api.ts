// A small Alertmanager (API v2, as 0.25 answers it): alerts with their silenced/active status,
// alert groups (grouped by alertname and namespace, like the test Alertmanager's route), and
// silences that can be created, listed and expired. Enough for the console's incident views.
import { randomUUID } from 'node:crypto';
import {
  BadRequest,
  fingerprint,
  isValidRegex,
  matches,
  parseFilter,
  type LabelSet,
  type Matcher,
} from './alert-labels';
import type { ApiAnswer } from './prometheus-api';

export { fingerprint } from './alert-labels';
export type { LabelSet } from './alert-labels';

export interface PostableAlert {
  labels: LabelSet;
  annotations?: LabelSet;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

interface StoredAlert {
  labels: LabelSet;
  annotations: LabelSet;
  startsAt: number;
  /** Undefined while the sender keeps it firing (the simulator's seeded alerts). */
  endsAt: number | undefined;
  updatedAt: number;
  generatorURL?: string;
}

interface Silence {
  id: string;
  matchers: Matcher[];
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  createdBy: string;
  comment: string;
}

export const simulatedAlertmanagerVersion = '0.25.0-sim';
const receiver = 'ml-platform-oncall';
const groupBy = ['alertname', 'namespace'];
/** Alertmanager's resolve_timeout: an alert not re-sent within it resolves. */
const resolveTimeoutMs = 5 * 60_000;

export class SimulatedAlertmanager {
  private readonly alerts = new Map<string, StoredAlert>();
  private readonly silences = new Map<string, Silence>();
  private readonly startedAt: number;

  constructor(
    private readonly now: () => number,
    seed: PostableAlert[] = [],
  ) {
    this.startedAt = now();
    for (const alert of seed) this.store(alert, true);
  }

  answer(method: string, path: string, params: URLSearchParams, body: string): ApiAnswer {
    if (path === '/-/ready' || path === '/-/healthy') return text(200, 'OK');
    try {
      if (method === 'GET' && path === '/api/v2/status') return json(200, this.status());
      if (method === 'GET' && path === '/api/v2/receivers') return json(200, [{ name: receiver }]);
      if (method === 'GET' && path === '/api/v2/alerts') return json(200, this.listAlerts(params));
      if (method === 'POST' && path === '/api/v2/alerts') return this.postAlerts(body);
      if (method === 'GET' && path === '/api/v2/alerts/groups')
        return json(200, this.groups(params));
      if (method === 'GET' && path === '/api/v2/silences')
        return json(200, this.listSilences(params));
      if (method === 'POST' && path === '/api/v2/silences') return this.postSilence(body);
      const one = /^\/api\/v2\/silence\/([^/]+)$/.exec(path);
      if (one?.[1] && (method === 'GET' || method === 'DELETE'))
        return this.oneSilence(method, one[1]);
    } catch (error) {
      if (error instanceof BadRequest) return json(400, error.message);
      throw error;
    }
    return text(404, '404 page not found\n');
  }

  private status(): unknown {
    return {
      cluster: { peers: [], status: 'disabled' },
      config: {
        original: `route:\n  receiver: ${receiver}\n  group_by: [${groupBy.join(', ')}]\nreceivers:\n- name: ${receiver}\n`,
      },
      uptime: new Date(this.startedAt).toISOString(),
      versionInfo: {
        branch: 'sim',
        buildDate: '20260101-00:00:00',
        buildUser: 'mlops-console',
        goVersion: 'none',
        revision: 'metrics-replay-simulator',
        version: simulatedAlertmanagerVersion,
      },
    };
  }

  private store(alert: PostableAlert, keepFiring: boolean): void {
    const now = this.now();
    const key = fingerprint(alert.labels);
    const previous = this.alerts.get(key);
    const endsAt = alert.endsAt
      ? Date.parse(alert.endsAt)
      : keepFiring
        ? undefined
        : now + resolveTimeoutMs;
    this.alerts.set(key, {
      labels: alert.labels,
      annotations: alert.annotations ?? {},
      startsAt: previous?.startsAt ?? (alert.startsAt ? Date.parse(alert.startsAt) : now),
      endsAt,
      updatedAt: now,
      ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
    });
  }

  private postAlerts(body: string): ApiAnswer {
    let alerts: PostableAlert[];
    try {
      alerts = JSON.parse(body) as PostableAlert[];
    } catch (error) {
      return json(400, { code: 400, message: `parsing alerts body failed: ${String(error)}` });
    }
    if (!Array.isArray(alerts))
      return json(400, { code: 400, message: 'alerts body must be an array' });
    for (const alert of alerts) {
      if (!alert?.labels || Object.keys(alert.labels).length === 0)
        return json(400, 'at least one label pair required');
    }
    for (const alert of alerts) this.store(alert, false);
    return text(200, '');
  }

  /** The alerts still firing, with their status, in fingerprint order. */
  private current(
    params: URLSearchParams,
  ): { fingerprint: string; gettable: Record<string, unknown>; labels: LabelSet }[] {
    const now = this.now();
    const filters = params.getAll('filter').map(parseFilter);
    const wanted = (name: string) => params.get(name) !== 'false';
    const receiverPattern = params.get('receiver');
    const out = [];
    for (const [key, alert] of [...this.alerts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const endsAt = alert.endsAt ?? now + resolveTimeoutMs;
      if (endsAt < now) continue;
      const silencedBy = [...this.silences.values()]
        .filter(
          (s) =>
            silenceState(s, now) === 'active' && s.matchers.every((m) => matches(m, alert.labels)),
        )
        .map((s) => s.id);
      const state = silencedBy.length > 0 ? 'suppressed' : 'active';
      if (!wanted('active') && state === 'active') continue;
      if (!wanted('silenced') && silencedBy.length > 0) continue;
      if (!filters.every((m) => matches(m, alert.labels))) continue;
      if (receiverPattern && !receiverMatches(receiverPattern)) continue;
      out.push({
        fingerprint: key,
        labels: alert.labels,
        gettable: {
          annotations: alert.annotations,
          endsAt: new Date(endsAt).toISOString(),
          fingerprint: key,
          receivers: [{ name: receiver }],
          startsAt: new Date(alert.startsAt).toISOString(),
          status: { inhibitedBy: [], silencedBy, state },
          updatedAt: new Date(alert.updatedAt).toISOString(),
          ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
          labels: alert.labels,
        },
      });
    }
    return out;
  }

  private listAlerts(params: URLSearchParams): unknown {
    return this.current(params).map((a) => a.gettable);
  }

  private groups(params: URLSearchParams): unknown {
    const groups = new Map<
      string,
      { labels: LabelSet; receiver: { name: string }; alerts: unknown[] }
    >();
    for (const alert of this.current(params)) {
      const labels: LabelSet = {};
      for (const name of groupBy)
        if (alert.labels[name] !== undefined) labels[name] = alert.labels[name] as string;
      const key = JSON.stringify(labels);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { labels, receiver: { name: receiver }, alerts: [] }));
      group.alerts.push(alert.gettable);
    }
    return [...groups.values()];
  }

  private gettableSilence(silence: Silence): unknown {
    return {
      id: silence.id,
      status: { state: silenceState(silence, this.now()) },
      updatedAt: new Date(silence.updatedAt).toISOString(),
      comment: silence.comment,
      createdBy: silence.createdBy,
      endsAt: new Date(silence.endsAt).toISOString(),
      matchers: silence.matchers.map((m) => ({
        isEqual: m.isEqual,
        isRegex: m.isRegex,
        name: m.name,
        value: m.value,
      })),
      startsAt: new Date(silence.startsAt).toISOString(),
    };
  }

  /** Active first (ending soonest first), then pending (starting soonest), then expired (latest first), as Alertmanager sorts. */
  private listSilences(params: URLSearchParams): unknown {
    const now = this.now();
    const filters = params.getAll('filter').map(parseFilter);
    const rank = { active: 0, pending: 1, expired: 2 } as const;
    return [...this.silences.values()]
      .filter((s) =>
        filters.every((f) =>
          s.matchers.some((m) => m.name === f.name && matches(f, { [m.name]: m.value })),
        ),
      )
      .sort((a, b) => {
        const sa = silenceState(a, now);
        const sb = silenceState(b, now);
        if (sa !== sb) return rank[sa] - rank[sb];
        if (sa === 'active') return a.endsAt - b.endsAt;
        if (sa === 'pending') return a.startsAt - b.startsAt;
        return b.endsAt - a.endsAt;
      })
      .map((s) => this.gettableSilence(s));
  }

  private postSilence(body: string): ApiAnswer {
    let input: {
      id?: string;
      matchers?: Partial<Matcher>[];
      startsAt?: string;
      endsAt?: string;
      createdBy?: string;
      comment?: string;
    };
    try {
      input = JSON.parse(body) as typeof input;
    } catch (error) {
      return json(400, { code: 400, message: `parsing silence body failed: ${String(error)}` });
    }
    const missing = ['matchers', 'startsAt', 'endsAt', 'createdBy', 'comment'].find(
      (k) => input[k as keyof typeof input] === undefined,
    );
    if (missing) return json(422, { code: 602, message: `${missing} in body is required` });
    if (!Array.isArray(input.matchers) || input.matchers.length === 0) {
      return json(422, { code: 612, message: 'matchers in body should have at least 1 items' });
    }
    const now = this.now();
    const startsAt = Date.parse(input.startsAt ?? '');
    const endsAt = Date.parse(input.endsAt ?? '');
    if (!(startsAt < endsAt))
      return json(400, 'Failed to create silence: start time must be before end time');
    if (endsAt < now) return json(400, "Failed to create silence: end time can't be in the past");
    if (input.id && !this.silences.has(input.id)) return json(404, 'silence not found');
    for (const m of input.matchers) {
      if (!m.name)
        return json(400, 'Failed to create silence: invalid label matcher: empty label name');
      if (m.isRegex && !isValidRegex(String(m.value ?? ''))) {
        return json(
          400,
          `Failed to create silence: invalid label matcher: invalid regular expression ${JSON.stringify(m.value)}`,
        );
      }
    }
    const silence: Silence = {
      id: input.id ?? randomUUID(),
      matchers: input.matchers.map((m) => ({
        name: String(m.name ?? ''),
        value: String(m.value ?? ''),
        isRegex: Boolean(m.isRegex),
        isEqual: m.isEqual ?? true,
      })),
      startsAt: Math.max(startsAt, now),
      endsAt,
      updatedAt: now,
      createdBy: input.createdBy ?? '',
      comment: input.comment ?? '',
    };
    this.silences.set(silence.id, silence);
    return json(200, { silenceID: silence.id });
  }

  private oneSilence(method: string, id: string): ApiAnswer {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      return json(422, { code: 601, message: `silenceID in path must be of type uuid: "${id}"` });
    }
    const silence = this.silences.get(id);
    if (method === 'GET') return silence ? json(200, this.gettableSilence(silence)) : text(404, '');
    if (!silence) return json(500, 'silence not found');
    const now = this.now();
    // Expiring ends it now; a silence that has not started yet ends before it begins.
    if (silenceState(silence, now) !== 'expired') {
      silence.startsAt = Math.min(silence.startsAt, now);
      silence.endsAt = now;
      silence.updatedAt = now;
    }
    return text(200, '');
  }
}

function json(status: number, body: unknown): ApiAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

function text(status: number, body: string): ApiAnswer {
  return { status, contentType: 'text/plain; charset=utf-8', body };
}

function receiverMatches(pattern: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(receiver);
  } catch {
    throw new BadRequest(`failed to parse receiver param: ${pattern}`);
  }
}

function silenceState(silence: Silence, now: number): 'active' | 'pending' | 'expired' {
  if (silence.endsAt <= now) return 'expired';
  return silence.startsAt > now ? 'pending' : 'active';
}
