import * as z from 'zod';
import { call, event } from './core';
import { connection, connectionTestResult } from '../model/connection';

export const connectionOrigin = z.enum(['demo', 'file', 'environment', 'settings']);

export const connectionView = z.object({
  connection,
  /** Where it was declared: only connections added in Settings are edited in the console. */
  origin: connectionOrigin,
  editable: z.boolean(),
  /** For each secret the connection refers to, whether the host can find it. Never the value. */
  secrets: z.array(z.object({ field: z.string(), ref: z.string(), present: z.boolean() })),
});
export type ConnectionView = z.infer<typeof connectionView>;

/** Secrets typed into a form: they cross the contract once, to the host's vault, and never come back. */
export const typedSecrets = z
  .object({ token: z.string().min(1).optional(), password: z.string().min(1).optional() })
  .strict();

export const connectionTarget = z.object({
  /** What was tested: a kube context, or the source's URL. */
  target: z.string(),
  result: connectionTestResult,
});

export const connectionsCalls = {
  'connections.list': call({
    summary: 'The sources of the open workspace',
    input: z.object({}).strict(),
    output: z.object({ connections: z.array(connectionView) }),
  }),
  'connections.save': call({
    summary: 'Add or edit a connection; typed secrets go to the vault',
    input: z.object({ connection, secrets: typedSecrets.optional() }).strict(),
    output: connectionView,
    mutates: true,
  }),
  'connections.remove': call({
    summary: 'Remove a connection added in Settings, and its secrets',
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ removed: z.boolean() }),
    mutates: true,
  }),
  'connections.test': call({
    summary: 'Try a saved connection, or a draft from the form before saving it',
    input: z.union([
      z.object({ id: z.string() }).strict(),
      z.object({ draft: connection, secrets: typedSecrets.optional() }).strict(),
    ]),
    output: z.object({ results: z.array(connectionTarget) }),
  }),
};

export const sourceStatus = z.object({
  id: z.string(),
  state: z.enum(['ok', 'degraded', 'down', 'unknown']),
  message: z.string().optional(),
  latencyMs: z.number().optional(),
  checkedAt: z.string(),
});
export type SourceStatus = z.infer<typeof sourceStatus>;

export const connectionsEvents = {
  'sources.status': event({
    summary: "A source's reachability changed (probed in the background)",
    payload: sourceStatus,
  }),
};
