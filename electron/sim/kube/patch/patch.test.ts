import { describe, expect, it } from 'vitest';
import { KubeError } from '../api/status';
import { applyJsonPatch, parseJsonPatch } from './json-patch';
import { mergePatch } from './merge-patch';
import { strategicMergePatch } from './strategic-merge-patch';

const deployment = {
  metadata: { name: 'd', labels: { app: 'x', keep: 'y' }, finalizers: ['a'] },
  spec: {
    replicas: 2,
    template: {
      metadata: { labels: { app: 'x' } },
      spec: {
        containers: [
          {
            name: 'server',
            image: 'img:1',
            env: [
              { name: 'MODEL_URI', value: 'models:/m/1' },
              { name: 'LOG_LEVEL', value: 'info' },
            ],
            ports: [{ containerPort: 8080, name: 'http' }],
            volumeMounts: [{ mountPath: '/models', name: 'models' }],
          },
          { name: 'sidecar', image: 'proxy:1' },
        ],
        tolerations: [{ key: 'a' }],
      },
    },
  },
};

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, deletes with null and replaces arrays', () => {
    const out = mergePatch(deployment, {
      metadata: { labels: { keep: null, added: 'z' } },
      spec: { template: { spec: { tolerations: [] } } },
    }) as typeof deployment;
    expect(out.metadata.labels).toEqual({ app: 'x', added: 'z' });
    expect(out.spec.template.spec.tolerations).toEqual([]);
    expect(out.spec.template.spec.containers).toHaveLength(2);
    expect(deployment.metadata.labels.keep).toBe('y');
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies add, remove, replace, move, copy and test', () => {
    const out = applyJsonPatch(
      deployment,
      parseJsonPatch([
        { op: 'test', path: '/spec/replicas', value: 2 },
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/env/0/value',
          value: 'models:/m/2',
        },
        { op: 'add', path: '/metadata/labels/a~1b', value: 'escaped' },
        {
          op: 'add',
          path: '/spec/template/spec/containers/0/env/-',
          value: { name: 'NEW', value: '1' },
        },
        { op: 'remove', path: '/metadata/labels/keep' },
        { op: 'copy', from: '/metadata/labels/app', path: '/metadata/labels/copied' },
        { op: 'move', from: '/metadata/labels/copied', path: '/metadata/labels/moved' },
      ]),
    ) as typeof deployment & { metadata: { labels: Record<string, string> } };
    expect(out.spec.template.spec.containers[0]!.env!.map((e) => e.value)).toEqual([
      'models:/m/2',
      'info',
      '1',
    ]);
    expect(out.metadata.labels).toEqual({ app: 'x', 'a/b': 'escaped', moved: 'x' });
  });

  it('fails with 422 when a test fails or a path is missing, leaving the input untouched', () => {
    for (const ops of [
      [{ op: 'test', path: '/spec/replicas', value: 3 }],
      [{ op: 'replace', path: '/spec/nothing', value: 1 }],
      [{ op: 'remove', path: '/metadata/labels/none' }],
    ]) {
      try {
        applyJsonPatch(deployment, parseJsonPatch(ops));
        throw new Error('should fail');
      } catch (e) {
        expect(e).toBeInstanceOf(KubeError);
        expect((e as KubeError).code).toBe(422);
      }
    }
    expect(() => parseJsonPatch({ op: 'add' })).toThrow(KubeError);
    expect(deployment.spec.replicas).toBe(2);
  });
});

describe('strategic merge patch', () => {
  it('merges containers and env by name, keeping the rest (kubectl patch, kubectl set env)', () => {
    const out = strategicMergePatch(deployment, {
      spec: {
        template: {
          spec: {
            containers: [{ name: 'server', env: [{ name: 'MODEL_URI', value: 'models:/m/7' }] }],
          },
        },
      },
    }) as typeof deployment;
    const server = out.spec.template.spec.containers[0]!;
    expect(server.image).toBe('img:1');
    expect(server.env).toEqual([
      { name: 'MODEL_URI', value: 'models:/m/7' },
      { name: 'LOG_LEVEL', value: 'info' },
    ]);
    expect(out.spec.template.spec.containers[1]!.name).toBe('sidecar');
  });

  it('adds the restartedAt annotation the way kubectl rollout restart sends it', () => {
    const out = strategicMergePatch(deployment, {
      spec: {
        template: {
          metadata: {
            annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-01-01T00:00:00Z' },
          },
        },
      },
    }) as {
      spec: {
        template: {
          metadata: { annotations: Record<string, string>; labels: Record<string, string> };
        };
      };
    };
    expect(out.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(
      '2024-01-01T00:00:00Z',
    );
    expect(out.spec.template.metadata.labels).toEqual({ app: 'x' });
  });

  it('honours $patch delete/replace, $deleteFromPrimitiveList, ports and volumeMounts keys, null deletion', () => {
    const out = strategicMergePatch(deployment, {
      metadata: {
        labels: { keep: null },
        finalizers: ['b'],
        '$deleteFromPrimitiveList/finalizers': ['a'],
      },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'sidecar', $patch: 'delete' },
              {
                name: 'server',
                ports: [{ containerPort: 8080, name: 'web' }],
                volumeMounts: [{ mountPath: '/models', readOnly: true }],
              },
            ],
            tolerations: [{ key: 'b' }],
          },
        },
      },
    }) as typeof deployment & { metadata: { finalizers: string[] } };
    expect(out.metadata.labels).toEqual({ app: 'x' });
    expect(out.metadata.finalizers).toEqual(['b']);
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['server']);
    expect(out.spec.template.spec.containers[0]!.ports).toEqual([
      { containerPort: 8080, name: 'web' },
    ]);
    expect(out.spec.template.spec.containers[0]!.volumeMounts).toEqual([
      { mountPath: '/models', name: 'models', readOnly: true },
    ]);
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'b' }]);

    const replaced = strategicMergePatch(deployment, {
      spec: {
        template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'i' }] } },
      },
    }) as typeof deployment;
    expect(replaced.spec.template.spec.containers).toEqual([{ name: 'only', image: 'i' }]);
  });
});
