// Alerts from every Alertmanager of the workspace: firing alerts grouped (alertname, severity,
// cluster), silences to list, create from an alert and expire, and the event that tells the
// desktop (or the browser) to notify the user of a newly firing critical alert.
import * as z from 'zod';
import { call, contractError, event, freshness } from './core';
import { fetchFrom } from './sources';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), freshness: freshness.nullable() });

const labels = z.record(z.string(), z.string());

export const alertState = z.enum(['active', 'suppressed', 'unprocessed']);

export const firingAlert = z.object({
  /** The Alertmanager connection it came from. */
  connection: z.string(),
  fingerprint: z.string(),
  labels,
  annotations: labels,
  startsAt: z.string(),
  state: alertState,
  /** Ids of the silences that mute it; empty when it pages. */
  silencedBy: z.array(z.string()),
  inhibitedBy: z.array(z.string()),
  generatorURL: z.string().optional(),
});
export type FiringAlert = z.infer<typeof firingAlert>;

export const alertGroup = z.object({
  /** alertname / severity / cluster, stable across refreshes. */
  key: z.string(),
  alertname: z.string(),
  severity: z.string(),
  /** The `cluster` label, else the Alertmanager connection's name. */
  cluster: z.string(),
  alerts: z.array(firingAlert),
});
export type AlertGroup = z.infer<typeof alertGroup>;

/** Whether the user may silence through this connection, and why not. */
export const silencing = z.object({ allowed: z.boolean(), reason: z.string().optional() });

export const alertSource = z.object({
  id: z.string(),
  name: z.string(),
  /** Who silences are created as: the connection's login, else the local user. */
  identity: z.string(),
  silencing,
  /** Why this Alertmanager could not be read, when it could not (the others still show). */
  error: contractError.optional(),
  /** When this Alertmanager's answer is a last-known one, its time. */
  staleAsOf: z.string().optional(),
});
export type AlertSource = z.infer<typeof alertSource>;

export const alertBoard = z.object({
  groups: z.array(alertGroup),
  sources: z.array(alertSource),
});
export type AlertBoard = z.infer<typeof alertBoard>;

export const silenceMatcher = z.object({
  name: z.string().min(1),
  value: z.string(),
  isRegex: z.boolean().default(false),
  isEqual: z.boolean().default(true),
});
export type SilenceMatcher = z.infer<typeof silenceMatcher>;

export const silenceState = z.enum(['active', 'pending', 'expired']);

export const silenceView = z.object({
  connection: z.string(),
  id: z.string(),
  state: silenceState,
  matchers: z.array(silenceMatcher),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type SilenceView = z.infer<typeof silenceView>;

export const silenceList = z.object({
  silences: z.array(silenceView),
  sources: z.array(alertSource),
});
export type SilenceList = z.infer<typeof silenceList>;

export const criticalAlertNotice = z.object({
  connection: z.string(),
  fingerprint: z.string(),
  alertname: z.string(),
  severity: z.string(),
  summary: z.string(),
  startsAt: z.string(),
});
export type CriticalAlertNotice = z.infer<typeof criticalAlertNotice>;

export const alertsCalls = {
  'alerts.list': call({
    summary: 'Firing alerts of every Alertmanager of the workspace, grouped',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: sourced(alertBoard),
  }),
  'alerts.silences': call({
    summary: 'Silences of every Alertmanager of the workspace: active, pending and expired',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: sourced(silenceList),
  }),
  'alerts.createSilence': call({
    summary: 'Silence alerts matching these matchers, for a while, with a comment',
    mutates: true,
    input: z
      .object({
        connection: z.string(),
        matchers: z.array(silenceMatcher).min(1, 'a silence needs at least one matcher'),
        /** Default 2 h; at most 30 days. */
        durationMinutes: z
          .number()
          .int()
          .min(1)
          .max(30 * 24 * 60)
          .default(120),
        comment: z.string().trim().min(1, 'say why the alert is silenced'),
      })
      .strict(),
    output: z.object({ connection: z.string(), silenceId: z.string(), endsAt: z.string() }),
  }),
  'alerts.expireSilence': call({
    summary: 'End a silence now, so its alerts page again',
    mutates: true,
    input: z.object({ connection: z.string(), silenceId: z.string().min(1) }).strict(),
    output: z.object({ connection: z.string(), silenceId: z.string(), wasExpired: z.boolean() }),
  }),
};

export const alertsEvents = {
  'alerts.criticalFiring': event({
    summary: 'Critical alerts that started firing since the user was last told (never repeated)',
    payload: z.object({ alerts: z.array(criticalAlertNotice) }),
  }),
};
