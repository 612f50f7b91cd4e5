// sum / avg / max / min / count, by or without labels, with Prometheus 2.42's arithmetic.
import type { AggregateOp } from './parser';
import { labelsKey, type Labels } from './store';
import type { VectorSample } from './values';

export function aggregate(
  op: AggregateOp,
  without: boolean,
  names: string[],
  samples: VectorSample[],
): VectorSample[] {
  const groups = new Map<string, { metric: Labels; value: number; mean: number; count: number }>();
  for (const sample of samples) {
    const metric = groupLabels(sample.metric, without, names);
    const key = labelsKey(metric);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { metric, value: sample.v, mean: sample.v, count: 1 });
      continue;
    }
    group.count++;
    switch (op) {
      case 'sum':
        group.value += sample.v;
        break;
      case 'max':
        if (group.value < sample.v || Number.isNaN(group.value)) group.value = sample.v;
        break;
      case 'min':
        if (group.value > sample.v || Number.isNaN(group.value)) group.value = sample.v;
        break;
      case 'avg': {
        // The incremental mean Prometheus uses, including its handling of infinities.
        if (!Number.isFinite(group.mean) && !Number.isNaN(group.mean)) {
          if (
            !Number.isFinite(sample.v) &&
            !Number.isNaN(sample.v) &&
            group.mean > 0 === sample.v > 0
          )
            break;
          if (Number.isFinite(sample.v)) break;
        }
        group.mean += sample.v / group.count - group.mean / group.count;
        break;
      }
      case 'count':
        break;
    }
  }
  return [...groups.values()].map((g) => ({
    metric: g.metric,
    v: op === 'count' ? g.count : op === 'avg' ? g.mean : g.value,
  }));
}

function groupLabels(labels: Labels, without: boolean, names: string[]): Labels {
  const out: Labels = {};
  if (without) {
    for (const [k, v] of Object.entries(labels))
      if (k !== '__name__' && !names.includes(k)) out[k] = v;
  } else {
    for (const name of names) if (labels[name] !== undefined) out[name] = labels[name] as string;
  }
  return out;
}
