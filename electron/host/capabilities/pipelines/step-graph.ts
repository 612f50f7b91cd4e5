// An Argo Workflow's steps as a graph: each step with the steps it waited for, so the run detail
// can draw the DAG. Edges come from status.nodes' `children` (a step's children are what ran after
// it; Argo puts StepGroup and DAG nodes in between, which are walked through). Tasks of the entry
// DAG that have not started yet are added from the spec, and every task's declared dependencies
// join the edges, so the picture shows what is still to come and what an omitted step waited for.
import type { RunDetail } from '../../../../shared/contract/pipelines';
import { failedNode, workflowSteps, type KubeObjectLike, type WorkflowNode } from './normalize';

type Step = RunDetail['steps'][number];

interface GraphNode extends WorkflowNode {
  children?: string[];
}

interface DagTask {
  name?: unknown;
  template?: unknown;
  dependencies?: unknown;
  depends?: unknown;
}

/** Task names in an Argo `depends` expression ("a && (b.Succeeded || c)"). */
function dependsNames(expr: string): string[] {
  return [...expr.matchAll(/[A-Za-z0-9_-]+(?:\.[A-Za-z]+)?/g)]
    .map((m) => m[0].split('.')[0]!)
    .filter((n) => n.length > 0);
}

function entryDagTasks(obj: KubeObjectLike): DagTask[] {
  const spec = (obj.spec ?? {}) as { entrypoint?: string; templates?: unknown[] };
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  const entry = templates.find((t) => (t as { name?: string } | null)?.name === spec.entrypoint) as
    { dag?: { tasks?: unknown[] } } | undefined;
  return Array.isArray(entry?.dag?.tasks) ? (entry.dag.tasks as DagTask[]) : [];
}

export function workflowStepGraph(obj: KubeObjectLike, now = Date.now()): Step[] {
  const status = (obj.status ?? {}) as { nodes?: Record<string, GraphNode> };
  const all = status.nodes ?? {};
  const steps = workflowSteps(obj) as GraphNode[];
  const stepIds = new Set(steps.map((s) => s.id ?? ''));
  const failed = failedNode(obj);

  // parents: step id -> the step ids it waited for
  const parents = new Map<string, Set<string>>();
  for (const step of steps) {
    const from = step.id ?? '';
    const seen = new Set<string>();
    const walk = (ids: string[] | undefined) => {
      for (const id of ids ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (stepIds.has(id)) {
          const set = parents.get(id) ?? new Set<string>();
          set.add(from);
          parents.set(id, set);
        } else walk(all[id]?.children);
      }
    };
    walk(step.children);
  }

  const out: Step[] = steps.map((n) => {
    const startedAt = n.startedAt ?? undefined;
    const finishedAt = n.finishedAt ?? undefined;
    return {
      name: n.displayName ?? n.name ?? '',
      id: n.id ?? n.displayName ?? '',
      dependsOn: [...(parents.get(n.id ?? '') ?? [])],
      ...(n.templateName ? { template: n.templateName } : {}),
      phase: n.phase ?? 'Unknown',
      ...(startedAt ? { startedAt } : {}),
      ...(finishedAt ? { finishedAt } : {}),
      ...(startedAt
        ? {
            durationMs: Math.max(
              0,
              (finishedAt ? Date.parse(finishedAt) : now) - Date.parse(startedAt),
            ),
          }
        : {}),
      ...(n.message ? { message: n.message } : {}),
      failed: n === failed,
    };
  });

  // Steps of the entry DAG that have not started: from the spec, edges by task name.
  const byName = new Map(out.map((s) => [s.name, s]));
  const tasks = entryDagTasks(obj);
  for (const task of tasks) {
    const name = typeof task.name === 'string' ? task.name : undefined;
    if (!name || byName.has(name)) continue;
    const step: Step = {
      name,
      id: `task:${name}`,
      dependsOn: [],
      ...(typeof task.template === 'string' ? { template: task.template } : {}),
      phase: 'Not started',
      failed: false,
    };
    out.push(step);
    byName.set(name, step);
  }
  for (const task of tasks) {
    const step = typeof task.name === 'string' ? byName.get(task.name) : undefined;
    if (!step) continue;
    const deps = Array.isArray(task.dependencies)
      ? task.dependencies.map(String)
      : typeof task.depends === 'string'
        ? dependsNames(task.depends)
        : [];
    // Declared dependencies join those read from `children`: an omitted step has no children.
    const declared = deps.flatMap((d) => {
      const dep = byName.get(d);
      return dep?.id ? [dep.id] : [];
    });
    step.dependsOn = [...new Set([...step.dependsOn, ...declared])];
  }
  return out;
}
