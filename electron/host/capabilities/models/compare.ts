// A version beside the champion: metrics side by side with deltas, the params that differ and
// the datasets that differ. Pure, so the rules are tested without a registry.
import type { Dataset, SourceRun, VersionComparison } from '../../../../shared/contract/models';

type Sides = Pick<VersionComparison, 'metrics' | 'params' | 'datasets'>;

const sortedKeys = (...lists: { key: string }[][]) =>
  [...new Set(lists.flat().map((x) => x.key))].sort((a, b) => a.localeCompare(b));

/** A dataset's slot in a run: its role and name, so a retrained snapshot lines up with the old one. */
const datasetSlot = (d: Dataset) => `${d.context ?? 'dataset'} · ${d.name}`;

export function compareRuns(
  candidate: SourceRun | undefined,
  baseline: SourceRun | undefined,
): Sides {
  const cMetrics = candidate?.metrics ?? [];
  const bMetrics = baseline?.metrics ?? [];
  const metrics = sortedKeys(cMetrics, bMetrics).map((key) => {
    const c = cMetrics.find((m) => m.key === key);
    const b = bMetrics.find((m) => m.key === key);
    return {
      key,
      ...(c ? { candidate: c.value } : {}),
      ...(b ? { baseline: b.value } : {}),
      ...(c && b ? { delta: c.value - b.value } : {}),
      candidateHistory: c?.history ?? [],
      baselineHistory: b?.history ?? [],
    };
  });

  const cParams = candidate?.params ?? [];
  const bParams = baseline?.params ?? [];
  const params = sortedKeys(cParams, bParams).flatMap((key) => {
    const c = cParams.find((p) => p.key === key)?.value;
    const b = bParams.find((p) => p.key === key)?.value;
    if (c === b) return [];
    return [
      {
        key,
        ...(c !== undefined ? { candidate: c } : {}),
        ...(b !== undefined ? { baseline: b } : {}),
      },
    ];
  });

  const cData = candidate?.datasets ?? [];
  const bData = baseline?.datasets ?? [];
  const slots = [...new Set([...cData, ...bData].map(datasetSlot))].sort((a, b) =>
    a.localeCompare(b),
  );
  const datasets = slots.flatMap((label) => {
    const c = cData.find((d) => datasetSlot(d) === label);
    const b = bData.find((d) => datasetSlot(d) === label);
    if (c && b && c.digest === b.digest) return [];
    return [{ label, ...(c ? { candidate: c } : {}), ...(b ? { baseline: b } : {}) }];
  });

  return { metrics, params, datasets };
}
