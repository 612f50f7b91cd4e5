// Where each step goes: a layered DAG laid out by dagre (left to right, in dependency order), and
// a Gantt timeline (one row per step, bars from start to finish on a shared time axis).
import dagre from '@dagrejs/dagre';
import type { RunDetail } from '../../../../shared/contract/pipelines';

export type Step = RunDetail['steps'][number];

export const nodeSize = { width: 132, height: 44 };

export interface DagLayout {
  width: number;
  height: number;
  nodes: { step: Step; x: number; y: number }[];
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

const idOf = (s: Step) => s.id ?? s.name;

export function dagLayout(steps: Step[]): DagLayout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 36, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(steps.map(idOf));
  for (const step of steps) g.setNode(idOf(step), { ...nodeSize });
  for (const step of steps)
    for (const dep of step.dependsOn) if (ids.has(dep)) g.setEdge(dep, idOf(step));
  dagre.layout(g);
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    // dagre gives node centres; the SVG wants top-left corners.
    nodes: steps.map((step) => {
      const n = g.node(idOf(step));
      return { step, x: n.x - nodeSize.width / 2, y: n.y - nodeSize.height / 2 };
    }),
    edges: g.edges().map((e) => ({ from: e.v, to: e.w, points: g.edge(e).points ?? [] })),
  };
}

export interface GanttRow {
  step: Step;
  /** Offsets from the first start, in ms; undefined for a step that has not started. */
  start?: number;
  end?: number;
  running: boolean;
}

export interface GanttLayout {
  origin: number;
  spanMs: number;
  rows: GanttRow[];
}

export function ganttLayout(steps: Step[], now = Date.now()): GanttLayout {
  const starts = steps.flatMap((s) => (s.startedAt ? [Date.parse(s.startedAt)] : []));
  const origin = starts.length ? Math.min(...starts) : now;
  const rows: GanttRow[] = [...steps]
    .sort((a, b) => (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff'))
    .map((step) => {
      if (!step.startedAt) return { step, running: false };
      const start = Date.parse(step.startedAt) - origin;
      const running = !step.finishedAt;
      const end = step.finishedAt
        ? Date.parse(step.finishedAt) - origin
        : start + (step.durationMs ?? Math.max(0, now - origin - start));
      return { step, start, end: Math.max(end, start), running };
    });
  const spanMs = Math.max(1000, ...rows.map((r) => r.end ?? 0));
  return { origin, spanMs, rows };
}

/** The tone of a step's box or bar: failed, succeeded, running, waiting. */
export function stepTone(step: Step): 'failed' | 'ok' | 'running' | 'waiting' | 'skipped' {
  if (step.failed || step.phase === 'Failed' || step.phase === 'Error') return 'failed';
  if (step.phase === 'Succeeded') return 'ok';
  if (step.phase === 'Running') return 'running';
  if (step.phase === 'Omitted' || step.phase === 'Skipped') return 'skipped';
  return 'waiting';
}
