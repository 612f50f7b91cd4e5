// Serving health: each KServe InferenceService and each Deployment that serves a model, ready
// or not and why, replicas, pod restarts, revision and traffic split, last transition.
import * as z from 'zod';
import { call, event, freshness } from './core';
import { clusterState } from './pipelines';
import { fetchFrom } from './sources';

export const servingCondition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});

export const trafficTarget = z.object({
  revision: z.string(),
  percent: z.number(),
  tag: z.string().optional(),
  latest: z.boolean(),
});

export const servingService = z.object({
  /** connection/context/kind/namespace/name */
  id: z.string(),
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  name: z.string(),
  kind: z.enum(['InferenceService', 'Deployment']),
  model: z.string().optional(),
  /** ready: serving; not-ready: a condition says why; unknown: still settling. */
  health: z.enum(['ready', 'not-ready', 'unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
  conditions: z.array(servingCondition),
  replicas: z.object({ desired: z.number().optional(), ready: z.number() }),
  restarts: z.number(),
  revision: z.string().optional(),
  traffic: z.array(trafficTarget),
  lastTransition: z.string().optional(),
});
export type ServingService = z.infer<typeof servingService>;

export const servingView = z.object({
  services: z.array(servingService),
  clusters: z.array(clusterState),
});
export type ServingView = z.infer<typeof servingView>;

export const servingCalls = {
  'serving.services': call({
    summary: 'InferenceServices and model Deployments of every selected cluster, with health',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: z.object({ value: servingView.nullable(), freshness: freshness.nullable() }),
  }),
};

export const servingEvents = {
  'serving.changed': event({
    summary: 'An InferenceService or model Deployment changed on a watched cluster; read again',
    payload: z.object({ at: z.string() }),
  }),
};
