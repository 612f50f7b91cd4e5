// Raw objects, hand-written events and logs from a scenario.
import { errors } from '../api/status';
import { groupOf, type KubeObject } from '../api/types';
import type { SimRuntime } from '../runtime';
import type { EventSpec, ScenarioFile } from './schema';
import { parseDuration, resolvePlaceholders } from './time';

export function recordEventSpec(rt: SimRuntime, e: EventSpec, now: number): void {
  const ref = e.involvedObject;
  const type = rt.registry.forKind(groupOf(ref.apiVersion ?? 'v1'), ref.kind);
  if (!type) throw errors.badRequest(`event for unknown kind ${ref.kind}`);
  const target = rt.store.get(type, ref.namespace ?? e.namespace, ref.name)?.obj ?? {
    apiVersion: ref.apiVersion ?? 'v1',
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace ?? e.namespace },
  };
  rt.events.record(target, {
    type: e.type ?? 'Normal',
    reason: e.reason,
    message: e.message,
    component: e.component ?? 'kubelet',
    at: now - parseDuration(e.ago, 0),
    ...(e.firstAgo ? { firstAt: now - parseDuration(e.firstAgo) } : {}),
    ...(e.count ? { count: e.count } : {}),
  });
}

export function buildExtras(rt: SimRuntime, scenario: ScenarioFile, now: number): void {
  for (const obj of scenario.objects ?? [])
    rt.store.apply(resolvePlaceholders(obj as KubeObject, now), {
      keepMetadata: true,
      noCopy: true,
    });
  for (const e of scenario.events ?? []) recordEventSpec(rt, e, now);
  for (const l of scenario.logs ?? [])
    rt.logs.append(l.namespace, l.pod, l.container, resolvePlaceholders(l.text, now), now - 60_000);
}
