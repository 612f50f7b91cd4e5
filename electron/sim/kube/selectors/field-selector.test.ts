import { describe, expect, it } from 'vitest';
import { builtinResources } from '../api/builtin-resources';
import { typeFromCrd } from '../api/registry';
import type { KubeError } from '../api/status';
import type { KubeObject } from '../api/types';
import { customResourceDefinition } from '../crds/crd';
import { matchesFields, parseFieldSelector } from './field-selector';

const pods = builtinResources.find((t) => t.resource === 'pods')!;
const events = builtinResources.find((t) => t.resource === 'events')!;
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'trainer-0', namespace: 'search-ranking' },
  spec: { nodeName: 'gpu-a100-01' },
  status: { phase: 'Running' },
};

describe('field selectors', () => {
  it('matches metadata and pod fields with =, == and !=', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=trainer-0', pods), pod)).toBe(true);
    expect(
      matchesFields(
        parseFieldSelector('metadata.namespace==search-ranking,status.phase=Running', pods),
        pod,
      ),
    ).toBe(true);
    expect(
      matchesFields(
        parseFieldSelector(
          'spec.nodeName=gpu-a100-01,status.phase!=Succeeded,status.phase!=Failed',
          pods,
        ),
        pod,
      ),
    ).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName=gpu-a100-02', pods), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector('spec.nodeName=', pods), { ...pod, spec: {} })).toBe(
      true,
    );
  });

  it('matches involvedObject fields of events', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'n' },
      involvedObject: { kind: 'Pod', name: 'trainer-0', uid: 'u1', namespace: 'n' },
      reason: 'OOMKilling',
    };
    const sel = parseFieldSelector(
      'involvedObject.kind=Pod,involvedObject.name=trainer-0,involvedObject.uid=u1,involvedObject.namespace=n',
      events,
    );
    expect(matchesFields(sel, event)).toBe(true);
    expect(matchesFields(parseFieldSelector('reason=BackOff', events), event)).toBe(false);
  });

  it('rejects unknown fields with 400, worded like the API server', () => {
    expect(() => parseFieldSelector('spec.unknown=1', pods)).toThrow(
      'field label not supported: spec.unknown',
    );
    const crd = typeFromCrd(
      customResourceDefinition(
        { group: 'argoproj.io', version: 'v1alpha1', kind: 'Workflow', plural: 'workflows' },
        '2024-01-01T00:00:00Z',
      ),
    )!;
    expect(() => parseFieldSelector('status.phase=Running', crd)).toThrow(
      '"status.phase" is not a known field selector',
    );
    try {
      parseFieldSelector('nope', pods);
    } catch (e) {
      expect((e as KubeError).code).toBe(400);
    }
  });
});
