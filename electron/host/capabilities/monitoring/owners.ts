// Who holds a GPU, in the words of the people to ask: the Argo workflow (from kube-state-metrics'
// pod labels when exported), else the Deployment or Job its pod name carries.
import type { Reading } from './read-signal';

export type PipelineOf = (
  namespace: string | undefined,
  pod: string | undefined,
) => string | undefined;

/** A pipeline run the clusters know of (from the pipelines watch): its pods start with its name. */
export interface KnownRun {
  namespace: string;
  name: string;
}

/**
 * Pod → Argo workflow: kube-state-metrics' pod labels when exported, else the run whose name
 * prefixes the pod's (Argo names pods `<workflow>-<template>-<hash>`; the longest match wins).
 */
export function pipelineIndex(readings: Reading[], runs: KnownRun[] = []): PipelineOf {
  const index = new Map<string, string>();
  for (const r of readings) {
    const wf = r.labels.label_workflows_argoproj_io_workflow;
    if (wf && r.labels.pod) index.set(`${r.labels.namespace ?? ''}/${r.labels.pod}`, wf);
  }
  const byNamespace = new Map<string, string[]>();
  for (const run of runs)
    byNamespace.set(run.namespace, [...(byNamespace.get(run.namespace) ?? []), run.name]);
  return (namespace, pod) => {
    if (!pod) return undefined;
    const labelled = index.get(`${namespace ?? ''}/${pod}`);
    if (labelled) return labelled;
    let best: string | undefined;
    for (const name of byNamespace.get(namespace ?? '') ?? []) {
      if (pod.startsWith(`${name}-`) && (!best || name.length > best.length)) best = name;
    }
    return best;
  };
}

/** Who to ask about a pod: its workflow, else the Deployment/Job name its pod name carries. */
export function ownerOf(pod: string | undefined, pipeline: string | undefined): string | undefined {
  if (pipeline) return `workflow ${pipeline}`;
  if (!pod) return undefined;
  // Deployment pods: <name>-<replicaset hash>-<5 chars>; Job pods: <name>-<5 chars>.
  const deployment = /^(.+)-[a-z0-9]{8,10}-[a-z0-9]{5}$/.exec(pod);
  if (deployment) return deployment[1];
  const job = /^(.+)-[a-z0-9]{5}$/.exec(pod);
  return job ? job[1] : pod;
}
