// Headline figures per source, as on the Overview. Each answer says how fresh it is: a source
// that is down still shows its last-known figures, stamped "as of".
import * as z from 'zod';
import { call, contractError, freshness } from './core';

export const fetchFrom = z.enum(['cache', 'live']);

export const kubernetesContextHeadline = z.object({
  context: z.string(),
  server: z.string(),
  selected: z.boolean(),
  serverVersion: z.string().optional(),
  namespaces: z.object({ count: z.number().int(), permitted: z.boolean() }).optional(),
  nodes: z.number().int().optional(),
  gpus: z.object({ allocatable: z.number(), capacity: z.number() }).optional(),
  error: contractError.optional(),
});

export const headline = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('kubernetes'),
    contexts: z.array(kubernetesContextHeadline),
    /** kubeconfig files or entries that could not be loaded, each naming the file and line. */
    problems: z.array(z.string()).default([]),
  }),
  z.object({
    kind: z.literal('mlflow'),
    serverVersion: z.string().optional(),
    registeredModels: z.number().int(),
    aliasedVersions: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('prometheus'),
    serverVersion: z.string().optional(),
    targetsUp: z.number().int(),
    targetsTotal: z.number().int(),
    gpusReporting: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('alertmanager'),
    serverVersion: z.string().optional(),
    firing: z.number().int(),
    silences: z.number().int(),
  }),
]);
export type Headline = z.infer<typeof headline>;

export const sourcesCalls = {
  'sources.headline': call({
    summary: "A source's headline figures, live or last-known",
    input: z.object({ id: z.string(), from: fetchFrom.default('live') }).strict(),
    output: z.object({ value: headline.nullable(), freshness: freshness.nullable() }),
  }),
  'kubernetes.selectContexts': call({
    summary: 'Choose which kube contexts the console connects to',
    input: z.object({ id: z.string(), contexts: z.array(z.string()) }).strict(),
    output: z.object({ selected: z.array(z.string()) }),
    mutates: true,
  }),
};
