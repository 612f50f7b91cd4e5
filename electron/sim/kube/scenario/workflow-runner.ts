// Plays Argo workflows forward on the scenario clock: each workflow is re-rendered from its plan
// whenever something about it changes (a step starts, prints progress, succeeds or fails), and
// the Workflow, its pods, logs and events are written to the store. CronWorkflows fire new
// workflows from their plan; workflows created through the API run with default step durations.
import { randomUUID } from 'node:crypto';
import { getPath, isPlainObject, kubeTime, type KubeObject } from '../api/types';
import type { SimRuntime } from '../runtime';
import { pickNode } from './placement';
import { planTimes, nextChange, type StepPlan, type WorkflowPlan } from './workflow-plan';
import { renderWorkflow, type NodePlacement } from './workflow-objects';
import { retryPlan } from './workflow-retry';

interface Running {
  plan: WorkflowPlan;
  events: Set<string>;
  logCounts: Map<string, number>;
  cancel?: () => void;
  finished: boolean;
}

export interface CronTemplate {
  steps: StepPlan[];
  labels: Record<string, string>;
  entrypoint: string;
  serviceAccountName: string;
  activeDeadlineSeconds?: number;
}

export class WorkflowRunner {
  private readonly running = new Map<string, Running>();
  private readonly crons = new Map<string, CronTemplate>();
  private syncing = false;

  constructor(private readonly rt: SimRuntime) {
    rt.store.subscribe((event) => {
      const wf = rt.registry.find('argoproj.io', 'workflows');
      if (!wf || event.entry.type !== wf) return;
      const key = `${event.entry.namespace}/${event.entry.name}`;
      if (event.type === 'DELETED') {
        this.running.get(key)?.cancel?.();
        this.running.delete(key);
        return;
      }
      if (
        event.type === 'ADDED' &&
        !this.syncing &&
        !this.running.has(key) &&
        !getPath(event.entry.obj, 'status.phase')
      ) {
        rt.queue.add(`wf-submit:${key}`, () => this.adopt(event.entry.obj));
      }
      // A finished workflow put back to Running: retried (see workflow-retry.ts).
      if (
        event.type === 'MODIFIED' &&
        !this.syncing &&
        this.running.get(key)?.finished &&
        getPath(event.entry.obj, 'status.phase') === 'Running'
      ) {
        rt.queue.add(`wf-retry:${key}`, () => this.retried(event.entry.obj));
      }
    });
  }

  private placement(step: StepPlan, podKey: string): NodePlacement {
    return pickNode(this.rt, Number(step.resources?.limits?.['nvidia.com/gpu'] ?? 0) > 0, podKey);
  }

  add(plan: WorkflowPlan): void {
    const key = `${plan.namespace}/${plan.name}`;
    this.running.get(key)?.cancel?.();
    this.running.set(key, { plan, events: new Set(), logCounts: new Map(), finished: false });
    this.sync(key);
  }

  has(namespace: string, name: string): boolean {
    return this.running.has(`${namespace}/${name}`);
  }

  plan(namespace: string, name: string): WorkflowPlan | undefined {
    return this.running.get(`${namespace}/${name}`)?.plan;
  }

  /** Changes a step's fate from now on (timeline: "the training step fails with OOMKilled"). */
  failStep(
    namespace: string,
    name: string,
    stepName: string,
    outcome: 'OOMKilled' | 'Error',
    opts: { tail?: string; message?: string } = {},
  ): void {
    const run = this.running.get(`${namespace}/${name}`);
    if (!run) throw new Error(`workflow ${namespace}/${name} is not part of the scenario`);
    const now = this.rt.clock.nowMs();
    const times = planTimes(run.plan);
    const step = run.plan.steps.find((s) => s.name === stepName);
    const t = times.steps.get(stepName);
    if (!step || !t) throw new Error(`workflow ${namespace}/${name} has no step ${stepName}`);
    const start = t.start ?? now;
    step.outcome = outcome;
    step.durationMs = Math.max(1000, now - start);
    if (opts.tail !== undefined) step.tail = opts.tail;
    if (opts.message !== undefined) step.message = opts.message;
    this.sync(`${namespace}/${name}`);
  }

  registerCron(namespace: string, name: string, template: CronTemplate): void {
    this.crons.set(`${namespace}/${name}`, template);
  }

  /** A CronWorkflow fires: a new Workflow named NAME-<unix seconds> starts now. */
  fireCron(
    namespace: string,
    name: string,
    outcomes: Record<string, StepPlan['outcome']> = {},
  ): string {
    const cronType = this.rt.registry.find('argoproj.io', 'cronworkflows');
    const cron = cronType && this.rt.store.get(cronType, namespace, name);
    if (!cron || !cronType) throw new Error(`cronworkflow ${namespace}/${name} not found`);
    const now = this.rt.clock.nowMs();
    const template =
      this.crons.get(`${namespace}/${name}`) ??
      templateFromSpec(getPath(cron.obj, 'spec.workflowSpec'));
    const wfName = `${name}-${Math.floor(now / 1000)}`;
    const steps = template.steps.map((s) => ({ ...s, outcome: outcomes[s.name] ?? s.outcome }));
    this.add({
      namespace,
      name: wfName,
      uid: randomUUID(),
      entrypoint: template.entrypoint,
      startedAt: now + 1000,
      labels: { ...template.labels },
      serviceAccountName: template.serviceAccountName,
      ...(template.activeDeadlineSeconds
        ? { activeDeadlineSeconds: template.activeDeadlineSeconds }
        : {}),
      cronWorkflow: { name, uid: cron.obj.metadata.uid ?? '' },
      steps,
    });
    const next = structuredClone(cron.obj);
    const status = (
      isPlainObject(next['status']) ? next['status'] : (next['status'] = {})
    ) as Record<string, unknown>;
    status['lastScheduledTime'] = kubeTime(now);
    const active = Array.isArray(status['active']) ? status['active'] : [];
    status['active'] = [
      ...active,
      { kind: 'Workflow', namespace, name: wfName, apiVersion: 'argoproj.io/v1alpha1' },
    ];
    next.metadata.resourceVersion = undefined;
    this.rt.store.update(next);
    return wfName;
  }

  private retried(obj: KubeObject): void {
    const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
    const run = this.running.get(key);
    if (!run?.finished) return;
    const retry = retryPlan(run.plan, obj, this.rt.clock.nowMs());
    run.cancel?.();
    const forget = (k: string) =>
      retry.steps.has(k.split('/')[0]!) || retry.pods.has(k.split('/')[0]!);
    this.running.set(key, {
      plan: retry.plan,
      events: new Set([...run.events].filter((k) => !forget(k))),
      logCounts: new Map([...run.logCounts].filter(([k]) => !forget(k))),
      finished: false,
    });
    this.sync(key);
  }

  private adopt(obj: KubeObject): void {
    const template = templateFromSpec(obj['spec']);
    const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
    if (this.running.has(key)) return;
    // A workflow started from a CronWorkflow (`argo submit --from`, the console's "run now").
    const cronOwner = obj.metadata.ownerReferences?.find((o) => o.kind === 'CronWorkflow');
    this.add({
      namespace: obj.metadata.namespace ?? '',
      name: obj.metadata.name,
      uid: obj.metadata.uid ?? randomUUID(),
      entrypoint: template.entrypoint,
      startedAt: this.rt.clock.nowMs() + 500,
      labels: { ...(obj.metadata.labels ?? {}) },
      annotations: { ...(obj.metadata.annotations ?? {}) },
      serviceAccountName: template.serviceAccountName,
      ...(cronOwner ? { cronWorkflow: { name: cronOwner.name, uid: cronOwner.uid ?? '' } } : {}),
      steps: template.steps,
    });
  }

  private sync(key: string): void {
    const run = this.running.get(key);
    if (!run) return;
    const { rt } = this;
    const now = rt.clock.nowMs();
    const rendered = renderWorkflow(run.plan, now, (step) =>
      this.placement(step, `${run.plan.name}/${step.name}`),
    );
    this.syncing = true;
    try {
      const wfEntry = rt.store.apply(rendered.workflow, { keepMetadata: true, noCopy: true });
      const pods = new Map<string, KubeObject>();
      for (const pod of rendered.pods)
        pods.set(pod.metadata.name, rt.store.apply(pod, { keepMetadata: true, noCopy: true }).obj);
      // Rendered logs only ever grow at the end, so each sync appends what is new.
      const byContainer = new Map<string, typeof rendered.logs>();
      for (const line of rendered.logs) {
        const k = `${line.pod}/${line.container}`;
        const list = byContainer.get(k) ?? [];
        list.push(line);
        byContainer.set(k, list);
      }
      for (const [k, lines] of byContainer) {
        const done = run.logCounts.get(k) ?? 0;
        if (lines.length <= done) continue;
        const first = lines[0]!;
        rt.logs.append(
          run.plan.namespace,
          first.pod,
          first.container,
          lines.slice(done).map((l) => ({ ts: l.ts, text: l.text })),
        );
        run.logCounts.set(k, lines.length);
      }
      for (const event of rendered.events) {
        if (run.events.has(event.key)) continue;
        run.events.add(event.key);
        const target =
          event.target === 'workflow'
            ? wfEntry.obj
            : 'pod' in event.target
              ? pods.get(event.target.pod)
              : rt.store.get(rt.registry.find('', 'nodes')!, '', event.target.node)?.obj;
        if (target) rt.events.record(target, event);
      }
      const phase = getPath(wfEntry.obj, 'status.phase');
      if (!run.finished && phase !== 'Running' && phase !== undefined) {
        run.finished = true;
        this.completeCron(run.plan, String(phase));
      }
    } finally {
      this.syncing = false;
    }
    const next = nextChange(planTimes(run.plan), now);
    run.cancel?.();
    if (next !== undefined) run.cancel = rt.clock.at(next, () => this.sync(key));
  }

  private completeCron(plan: WorkflowPlan, phase: string): void {
    if (!plan.cronWorkflow) return;
    const cronType = this.rt.registry.find('argoproj.io', 'cronworkflows');
    const cron = cronType && this.rt.store.get(cronType, plan.namespace, plan.cronWorkflow.name);
    if (!cron) return;
    const next = structuredClone(cron.obj);
    const status = (
      isPlainObject(next['status']) ? next['status'] : (next['status'] = {})
    ) as Record<string, unknown>;
    const active = Array.isArray(status['active']) ? (status['active'] as { name: string }[]) : [];
    status['active'] = active.filter((a) => a.name !== plan.name);
    const counter = phase === 'Succeeded' ? 'succeeded' : 'failed';
    status[counter] = Number(status[counter] ?? 0) + 1;
    next.metadata.resourceVersion = undefined;
    this.rt.store.update(next);
    this.pruneHistory(cron.obj, phase === 'Succeeded');
  }

  /** Like Argo, keep only successful/failedJobsHistoryLimit finished runs per CronWorkflow. */
  private pruneHistory(cron: KubeObject, succeeded: boolean): void {
    const wfType = this.rt.registry.find('argoproj.io', 'workflows');
    if (!wfType) return;
    const limit = Number(
      getPath(
        cron,
        succeeded ? 'spec.successfulJobsHistoryLimit' : 'spec.failedJobsHistoryLimit',
      ) ?? (succeeded ? 3 : 1),
    );
    const phases = succeeded ? ['Succeeded'] : ['Failed', 'Error'];
    const runs = this.rt.store
      .list(wfType, cron.metadata.namespace)
      .filter(
        (e) =>
          e.obj.metadata.labels?.['workflows.argoproj.io/cron-workflow'] === cron.metadata.name,
      )
      .filter((e) => phases.includes(String(getPath(e.obj, 'status.phase'))))
      .sort((a, b) =>
        String(getPath(b.obj, 'status.startedAt')).localeCompare(
          String(getPath(a.obj, 'status.startedAt')),
        ),
      );
    for (const old of runs.slice(limit)) this.rt.store.delete(wfType, old.namespace, old.name);
  }
}

/** Reads a Workflow spec (DAG or steps) into a plan template: 20 s per step, all succeed. */
export function templateFromSpec(spec: unknown): CronTemplate {
  const s = isPlainObject(spec) ? spec : {};
  const templates = Array.isArray(s['templates']) ? s['templates'].filter(isPlainObject) : [];
  const entrypoint = String(s['entrypoint'] ?? templates[0]?.['name'] ?? 'main');
  const entry = templates.find((t) => t['name'] === entrypoint);
  const byName = new Map(templates.map((t) => [String(t['name']), t]));
  const image = (name: string): string =>
    String(
      getPath(byName.get(name), 'container.image') ??
        getPath(byName.get(name), 'script.image') ??
        'python:3.11-slim',
    );
  const resources = (name: string): StepPlan['resources'] =>
    getPath(byName.get(name), 'container.resources') as StepPlan['resources'];
  const steps: StepPlan[] = [];
  const tasks = getPath(entry, 'dag.tasks');
  if (Array.isArray(tasks)) {
    for (const task of tasks.filter(isPlainObject)) {
      const template = String(task['template'] ?? task['name']);
      const deps = Array.isArray(task['dependencies']) ? task['dependencies'].map(String) : [];
      steps.push({
        name: String(task['name']),
        template,
        image: image(template),
        dependencies: deps,
        durationMs: 20_000,
        outcome: 'Succeeded',
        ...(resources(template) ? { resources: resources(template)! } : {}),
      });
    }
  } else if (Array.isArray(entry?.['steps'])) {
    let previous: string[] = [];
    for (const group of entry['steps'] as unknown[]) {
      const parallel = (Array.isArray(group) ? group : [group]).filter(isPlainObject);
      const names: string[] = [];
      for (const step of parallel) {
        const template = String(step['template'] ?? step['name']);
        steps.push({
          name: String(step['name']),
          template,
          image: image(template),
          dependencies: previous,
          durationMs: 20_000,
          outcome: 'Succeeded',
        });
        names.push(String(step['name']));
      }
      previous = names;
    }
  } else if (entry) {
    steps.push({
      name: entrypoint,
      template: entrypoint,
      image: image(entrypoint),
      dependencies: [],
      durationMs: 20_000,
      outcome: 'Succeeded',
    });
  }
  return {
    steps,
    labels: {},
    entrypoint:
      Array.isArray(tasks) || Array.isArray(entry?.['steps']) ? entrypoint : `${entrypoint}-dag`,
    serviceAccountName: String(s['serviceAccountName'] ?? 'argo-workflow'),
  };
}
