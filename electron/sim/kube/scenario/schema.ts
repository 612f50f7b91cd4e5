// The scenario file format (YAML). Times are durations relative to load time ("3d" ago, "45s"
// from now); raw objects may use ${now-5m} placeholders. See scenarios/ml-platform.yaml.
import type { KubeObject } from '../api/types';

export type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

export interface ScenarioFile {
  name: string;
  description?: string;
  /** CRD bundles to install: "argo-workflows", "kserve". Leave one out to simulate "not installed". */
  crds?: string[];
  namespaces?: (string | { name: string; labels?: Record<string, string>; age?: string })[];
  nodes?: NodeGroup[];
  resourceQuotas?: QuotaSpec[];
  services?: ServiceSpec[];
  deployments?: DeploymentSpec[];
  inferenceServices?: InferenceServiceSpec[];
  jobs?: JobSpec[];
  cronJobs?: CronJobSpec[];
  cronWorkflows?: CronWorkflowSpec[];
  workflows?: WorkflowSpec[];
  events?: EventSpec[];
  logs?: { namespace: string; pod: string; container: string; text: string }[];
  objects?: KubeObject[];
  timeline?: TimelineStep[];
}

export interface NodeGroup {
  names: string[];
  gpu?: { product: string; count: number; memoryMiB?: number; family?: string };
  cpu: string;
  memory: string;
  instanceType: string;
  zone?: string;
  pool: string;
  age?: string;
  notReady?: string[];
  cordoned?: string[];
  labels?: Record<string, string>;
}

export interface QuotaSpec {
  namespace: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
  age?: string;
}

export interface ServiceSpec {
  namespace: string;
  name: string;
  ports: { name?: string; port: number; targetPort?: number | string }[];
  selector?: Record<string, string>;
  labels?: Record<string, string>;
  age?: string;
}

export interface PodOverride {
  /** Index of the pod among the deployment's pods. */
  index: number;
  restarts?: number;
  lastTerminated?: 'OOMKilled' | 'Error';
  lastTerminatedAgo?: string;
  waiting?: 'CrashLoopBackOff' | 'ImagePullBackOff' | 'ErrImagePull';
}

export interface ContainerShorthand {
  image: string;
  env?: Record<string, string>;
  resources?: Resources;
  command?: string[];
  args?: string[];
  port?: number;
}

export interface DeploymentSpec extends ContainerShorthand {
  namespace: string;
  name: string;
  replicas: number;
  labels?: Record<string, string>;
  container?: string;
  age?: string;
  /** When the current revision rolled out (defaults to half the age of the last history entry). */
  rolledOutAgo?: string;
  changeCause?: string;
  /** Older revisions, oldest first: what changed and when. */
  history?: { age: string; image?: string; env?: Record<string, string>; changeCause?: string }[];
  pods?: PodOverride[];
  log?: string;
}

export interface InferenceServiceSpec {
  namespace: string;
  name: string;
  modelFormat: string;
  storageUri: string;
  runtime?: string;
  resources?: Resources;
  minReplicas?: number;
  maxReplicas?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  age?: string;
  /** Earlier rolled-out storage URIs, oldest first, with when each was rolled out. */
  history?: { storageUri: string; age: string }[];
  /** The newest revision takes only this share of traffic. */
  canary?: { storageUri: string; percent: number; age: string };
  /** The newest revision cannot load its model: the service stays not Ready. */
  failure?: { storageUri: string; age: string; message: string; log?: string };
}

export interface JobSpec extends ContainerShorthand {
  namespace: string;
  name: string;
  startedAgo: string;
  duration?: string;
  outcome: 'Complete' | 'Running' | 'BackoffLimitExceeded' | 'DeadlineExceeded' | 'QuotaExceeded';
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  cronJob?: string;
  labels?: Record<string, string>;
  log?: string;
  failureLog?: string;
  /** For QuotaExceeded: the quota message. */
  message?: string;
}

export interface CronJobSpec extends ContainerShorthand {
  namespace: string;
  name: string;
  schedule: string;
  timeZone?: string;
  suspend?: boolean;
  age?: string;
  lastScheduleAgo?: string;
  lastSuccessfulAgo?: string;
  labels?: Record<string, string>;
}

export interface StepShorthand {
  name: string;
  template?: string;
  image: string;
  command?: string[];
  args?: string[];
  dependsOn?: string[];
  duration: string;
  outcome?:
    'Succeeded' | 'Error' | 'OOMKilled' | 'ImagePullBackOff' | 'QuotaExceeded' | 'Unschedulable';
  resources?: Resources;
  log?: string;
  progress?: { every: string; line: string };
  tail?: string;
  message?: string;
  exitCode?: number;
}

export interface WorkflowSpec {
  namespace: string;
  /** `{unix}` is replaced by the scheduled time in Unix seconds, as Argo names cron runs. */
  name: string;
  startedAgo: string;
  entrypoint?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  serviceAccountName?: string;
  activeDeadlineSeconds?: number;
  cronWorkflow?: string;
  error?: string;
  /** Reuse the steps of a cron workflow in this scenario. */
  stepsFrom?: string;
  /** Per-step outcome overrides when steps come from a cron workflow. */
  outcomes?: Record<string, StepShorthand['outcome']>;
  steps?: StepShorthand[];
}

export interface CronWorkflowSpec {
  namespace: string;
  name: string;
  schedule: string;
  timezone?: string;
  suspend?: boolean;
  concurrencyPolicy?: string;
  age?: string;
  entrypoint?: string;
  labels?: Record<string, string>;
  serviceAccountName?: string;
  activeDeadlineSeconds?: number;
  steps: StepShorthand[];
}

export interface EventSpec {
  namespace: string;
  involvedObject: { kind: string; name: string; apiVersion?: string; namespace?: string };
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  ago?: string;
  firstAgo?: string;
  count?: number;
  component?: string;
}

export type TimelineStep = { at: string; every?: string; times?: number } & (
  | {
      action: 'failWorkflowStep';
      namespace: string;
      workflow: string;
      step: string;
      reason: 'OOMKilled' | 'Error';
      tail?: string;
      message?: string;
    }
  | {
      action: 'fireCronWorkflow';
      namespace: string;
      name: string;
      outcomes?: Record<string, StepShorthand['outcome']>;
    }
  | {
      action: 'restartPod';
      namespace: string;
      pod?: string;
      selector?: string;
      container?: string;
      reason?: 'OOMKilled' | 'Error';
      log?: string;
    }
  | {
      action: 'appendLog';
      namespace: string;
      pod?: string;
      selector?: string;
      container: string;
      text: string;
    }
  | { action: 'event'; event: EventSpec }
  | { action: 'apply'; object: KubeObject }
  | {
      action: 'patch';
      apiVersion: string;
      kind: string;
      namespace?: string;
      name: string;
      patch: Record<string, unknown>;
    }
  | { action: 'delete'; apiVersion: string; kind: string; namespace?: string; name: string }
  | {
      action: 'failInferenceService';
      namespace: string;
      name: string;
      message: string;
      log?: string;
    }
);
