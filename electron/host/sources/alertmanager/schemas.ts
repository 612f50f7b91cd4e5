// The shapes Alertmanager's API v2 answers with (api/v2/openapi.yaml), checked on arrival.
// Fields added after 0.25 (e.g. status.mutedBy) are optional.
import * as z from 'zod';

export const labelSet = z.record(z.string(), z.string());

export const receiver = z.object({ name: z.string() });

export const alertStatus = z.object({
  state: z.enum(['unprocessed', 'active', 'suppressed']),
  silencedBy: z.array(z.string()).default([]),
  inhibitedBy: z.array(z.string()).default([]),
  mutedBy: z.array(z.string()).optional(),
});

export const gettableAlert = z.object({
  labels: labelSet,
  annotations: labelSet.default({}),
  receivers: z.array(receiver).default([]),
  fingerprint: z.string(),
  startsAt: z.string(),
  updatedAt: z.string(),
  endsAt: z.string(),
  generatorURL: z.string().optional(),
  status: alertStatus,
});
export type GettableAlert = z.infer<typeof gettableAlert>;

export const alertGroup = z.object({
  labels: labelSet,
  receiver,
  alerts: z.array(gettableAlert),
});
export type AlertGroup = z.infer<typeof alertGroup>;

export const matcher = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});
export type Matcher = z.infer<typeof matcher>;

export const gettableSilence = z.object({
  id: z.string(),
  status: z.object({ state: z.enum(['expired', 'active', 'pending']) }),
  updatedAt: z.string(),
  matchers: z.array(matcher),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type GettableSilence = z.infer<typeof gettableSilence>;

export const postSilenceAnswer = z.object({ silenceID: z.string() });

export const alertmanagerStatus = z.object({
  cluster: z.looseObject({
    status: z.enum(['ready', 'settling', 'disabled']),
    name: z.string().optional(),
    peers: z.array(z.object({ name: z.string(), address: z.string() })).nullish(),
  }),
  versionInfo: z.looseObject({
    version: z.string(),
    revision: z.string().optional(),
    branch: z.string().optional(),
    buildUser: z.string().optional(),
    buildDate: z.string().optional(),
    goVersion: z.string().optional(),
  }),
  config: z.object({ original: z.string() }),
  uptime: z.string(),
});
export type AlertmanagerStatus = z.infer<typeof alertmanagerStatus>;
