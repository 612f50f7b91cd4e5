// What KServe (serverless mode) renders for one predictor revision: the Knative revision's
// Deployment with storage-initializer, kserve-container and queue-proxy.
import { getPath, isPlainObject, type KubeObject } from '../api/types';
import { controllerRef } from './helpers';

const runtimeImages: Record<string, { runtime: string; image: string }> = {
  sklearn: { runtime: 'kserve-sklearnserver', image: 'kserve/sklearnserver:v0.14.1' },
  xgboost: { runtime: 'kserve-xgbserver', image: 'kserve/xgbserver:v0.14.1' },
  lightgbm: { runtime: 'kserve-lgbserver', image: 'kserve/lgbserver:v0.14.1' },
  mlflow: { runtime: 'kserve-mlserver', image: 'docker.io/seldonio/mlserver:1.5.0' },
  pytorch: { runtime: 'kserve-torchserve', image: 'pytorch/torchserve-kfs:0.9.0' },
  triton: { runtime: 'kserve-tritonserver', image: 'nvcr.io/nvidia/tritonserver:24.08-py3' },
  onnx: { runtime: 'kserve-tritonserver', image: 'nvcr.io/nvidia/tritonserver:24.08-py3' },
  huggingface: {
    runtime: 'kserve-huggingfaceserver',
    image: 'kserve/huggingfaceserver:v0.14.1-gpu',
  },
};

export function modelFormat(isvc: KubeObject): string {
  return String(getPath(isvc, 'spec.predictor.model.modelFormat.name') ?? 'sklearn');
}

export function storageUri(isvc: KubeObject): string {
  return String(getPath(isvc, 'spec.predictor.model.storageUri') ?? '');
}

export function runtimeFor(isvc: KubeObject): { runtime: string; image: string } {
  const explicit = getPath(isvc, 'spec.predictor.model.runtime');
  const known = runtimeImages[modelFormat(isvc)] ?? runtimeImages['sklearn']!;
  return typeof explicit === 'string' ? { ...known, runtime: explicit } : known;
}

export function revisionName(isvc: KubeObject, n: number): string {
  return `${isvc.metadata.name}-predictor-${String(n).padStart(5, '0')}`;
}

export function revisionDeploymentName(revision: string): string {
  return `${revision}-deployment`;
}

export function revisionDeployment(
  isvc: KubeObject,
  revision: string,
  replicas: number,
): KubeObject {
  const name = isvc.metadata.name;
  const { image } = runtimeFor(isvc);
  const uri = storageUri(isvc);
  const model = getPath(isvc, 'spec.predictor.model');
  const resources =
    isPlainObject(model) && isPlainObject(model['resources'])
      ? structuredClone(model['resources'])
      : {
          requests: { cpu: '1', memory: '2Gi' },
          limits: { cpu: '1', memory: '2Gi' },
        };
  const labels = {
    app: revision,
    component: 'predictor',
    'serving.kserve.io/inferenceservice': name,
    'serving.knative.dev/configuration': `${name}-predictor`,
    'serving.knative.dev/revision': revision,
    'serving.knative.dev/service': `${name}-predictor`,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: revisionDeploymentName(revision),
      namespace: isvc.metadata.namespace,
      labels,
      ownerReferences: [controllerRef(isvc)],
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'serving.knative.dev/revision': revision } },
      template: {
        metadata: {
          labels,
          annotations: {
            'autoscaling.knative.dev/class': 'kpa.autoscaling.knative.dev',
            'autoscaling.knative.dev/min-scale': String(
              getPath(isvc, 'spec.predictor.minReplicas') ?? 1,
            ),
            'kubectl.kubernetes.io/default-container': 'kserve-container',
          },
        },
        spec: {
          initContainers: [
            {
              name: 'storage-initializer',
              image: 'kserve/storage-initializer:v0.14.1',
              args: [uri, '/mnt/models'],
              resources: {
                requests: { cpu: '100m', memory: '100Mi' },
                limits: { cpu: '1', memory: '1Gi' },
              },
            },
          ],
          containers: [
            {
              name: 'kserve-container',
              image,
              args: [`--model_name=${name}`, '--model_dir=/mnt/models', '--http_port=8080'],
              env: [
                { name: 'STORAGE_URI', value: uri },
                { name: 'PORT', value: '8080' },
                { name: 'K_REVISION', value: revision },
              ],
              ports: [{ name: 'user-port', containerPort: 8080, protocol: 'TCP' }],
              resources,
            },
            {
              name: 'queue-proxy',
              image: 'gcr.io/knative-releases/knative.dev/serving/cmd/queue:v1.15.2',
              ports: [{ name: 'http-queueadm', containerPort: 8022, protocol: 'TCP' }],
              resources: { requests: { cpu: '25m' } },
            },
          ],
        },
      },
    },
  };
}
