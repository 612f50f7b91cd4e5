// The values an expression evaluates to, and the label rules every operator shares.
import { PromqlError } from './errors';
import { labelsKey, type Labels, type Sample } from './store';

export interface VectorSample {
  metric: Labels;
  v: number;
}
export interface MatrixSeries {
  metric: Labels;
  points: Sample[];
}
export type Value =
  | { type: 'scalar'; v: number }
  | { type: 'string'; s: string }
  | { type: 'vector'; samples: VectorSample[] }
  | { type: 'matrix'; series: MatrixSeries[] };

export function vectorOf(value: Value): VectorSample[] {
  if (value.type !== 'vector')
    throw new PromqlError('execution', `expected an instant vector, got ${value.type}`);
  return value.samples;
}

export function dropName(labels: Labels): Labels {
  if (!('__name__' in labels)) return labels;
  const { __name__: _name, ...rest } = labels;
  return rest;
}

/** Prometheus refuses a result holding the same label set twice (e.g. after dropping names). */
export function unique(samples: VectorSample[]): VectorSample[] {
  const seen = new Set<string>();
  for (const sample of samples) {
    const key = labelsKey(sample.metric);
    if (seen.has(key))
      throw new PromqlError('execution', 'vector cannot contain metrics with the same labelset');
    seen.add(key);
  }
  return samples;
}
