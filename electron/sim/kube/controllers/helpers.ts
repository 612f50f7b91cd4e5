// Small pieces the controllers share.
import { createHash } from 'node:crypto';
import type { OwnerReference, KubeObject } from '../api/types';
import { isPlainObject, kubeTime } from '../api/types';

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/**
 * JSON with sorted keys and without null fields, so objects that are semantically equal (a
 * client may send `creationTimestamp: null`, as Go clients do) compare and hash equally.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const safeChars = 'bcdfghjklmnpqrstvwxz2456789';

/** A short, stable, "safe-encoded" hash like pod-template-hash values ("7d9f8c6b5"). */
export function shortHash(value: unknown, length = 10): string {
  const digest = createHash('sha256').update(canonicalJson(value)).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += safeChars[(digest[i] ?? 0) % safeChars.length];
  return out;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  [key: string]: unknown;
}

/**
 * Sets conditions, keeping lastTransitionTime when the status did not change (and
 * lastUpdateTime when nothing changed), so reconciling twice writes nothing.
 */
export function mergeConditions(
  previous: unknown,
  next: Condition[],
  now: Date,
  withUpdateTime = false,
): Condition[] {
  const old = Array.isArray(previous) ? (previous as Condition[]) : [];
  const stamp = kubeTime(now);
  return next.map((c) => {
    const before = old.find((o) => o.type === c.type);
    const same = before && before.status === c.status;
    const unchanged = same && before.reason === c.reason && before.message === c.message;
    const out: Condition = {
      ...c,
      lastTransitionTime: same && before.lastTransitionTime ? before.lastTransitionTime : stamp,
    };
    if (withUpdateTime)
      out.lastUpdateTime = unchanged && before.lastUpdateTime ? before.lastUpdateTime : stamp;
    if (out.reason === undefined) delete out.reason;
    if (out.message === undefined) delete out.message;
    return out;
  });
}
