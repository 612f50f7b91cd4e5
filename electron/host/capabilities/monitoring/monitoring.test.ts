import { describe, expect, it } from 'vitest';
import { annotationsFromRuns } from './monitoring.test-support';
import { idleStart } from './gpu-idle';
import { serviceOf } from './inference';
import { ownerOf, pipelineIndex } from './owners';
import { describeSignals, gpuKeyOf, hostOf, namespaceOf, podOf, signalQuery } from './signals';

describe('signals', () => {
  it('uses the workspace override of a signal and fills placeholders', () => {
    expect(signalQuery('gpu.peakUtilisation', {}, { window: '2h' })).toBe(
      'max_over_time(DCGM_FI_DEV_GPU_UTIL[2h])',
    );
    const overrides = { 'gpu.utilisation': 'DCGM_FI_PROF_GR_ENGINE_ACTIVE * 100' };
    expect(signalQuery('gpu.utilisation', overrides)).toBe('DCGM_FI_PROF_GR_ENGINE_ACTIVE * 100');
    const view = describeSignals(overrides).find((s) => s.name === 'gpu.utilisation');
    expect(view?.overridden).toBe(true);
  });

  it("reads dcgm-exporter's label dialects alike", () => {
    const old = {
      Hostname: 'n1',
      gpu: '0',
      UUID: 'GPU-1',
      exported_pod: 'p',
      exported_namespace: 'ns',
      pod: 'dcgm-x',
      namespace: 'gpu-operator',
    };
    const recent = { hostname: 'n1', gpu: '0', uuid: 'GPU-1', pod: 'p', namespace: 'ns' };
    for (const labels of [old, recent]) {
      expect(hostOf(labels)).toBe('n1');
      expect(podOf(labels)).toBe('p');
      expect(namespaceOf(labels)).toBe('ns');
      expect(gpuKeyOf(labels)).toBe('GPU-1');
    }
  });
});

describe('idle and owners', () => {
  it('finds since when utilisation stayed under the threshold', () => {
    const points: [number, number | null][] = [
      [0, 90],
      [10, 2],
      [20, 0],
      [30, 1],
    ];
    expect(idleStart(points, 5)).toBe(10);
    expect(idleStart([...points, [40, 50]], 5)).toBe(Infinity);
    expect(
      idleStart(
        [
          [0, 0],
          [10, null],
          [20, 0],
        ],
        5,
      ),
    ).toBe(20);
  });

  it("puts a pod under its pipeline: kube-state-metrics' labels, else the run its name starts with", () => {
    const of = pipelineIndex(
      [
        {
          labels: { namespace: 'a', pod: 'x-1', label_workflows_argoproj_io_workflow: 'wf-x' },
          value: 1,
        },
      ],
      [
        { namespace: 'b', name: 'train' },
        { namespace: 'b', name: 'train-1795713527' },
      ],
    );
    expect(of('a', 'x-1')).toBe('wf-x');
    expect(of('b', 'train-1795713527-train-xgboost-3048525949')).toBe('train-1795713527');
    expect(of('c', 'train-1795713527-x')).toBeUndefined();
    expect(ownerOf('ranking-reranker-kpzhtprvjf-zmbtp', undefined)).toBe('ranking-reranker');
    expect(ownerOf('embedding-index-rebuild-xwr0i', undefined)).toBe('embedding-index-rebuild');
    expect(ownerOf('p', 'wf')).toBe('workflow wf');
  });

  it('names the InferenceService behind a Knative revision or Istio service', () => {
    expect(serviceOf('fraud-detector-predictor-00003')).toBe('fraud-detector');
    expect(serviceOf('fraud-detector-predictor-default')).toBe('fraud-detector');
    expect(serviceOf('plain-api')).toBe('plain-api');
  });

  it('marks failed pipeline runs in the window', () => {
    expect(annotationsFromRuns()).toEqual([
      {
        at: Date.parse('2026-11-26T10:00:00Z'),
        kind: 'pipeline-failure',
        title: 'ml/train-1',
        detail: 'OOMKilled',
      },
    ]);
  });
});
