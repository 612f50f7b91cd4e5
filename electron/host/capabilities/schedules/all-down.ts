// When every selected cluster is down there is nothing live to show: the read fails with the
// first cluster's cause, so readThroughSnapshot paints the last-known answer stamped "as of".
import type { ClusterState } from '../../../../shared/contract/pipelines';
import { CallFailure } from '../../transport/failure';

export function failIfAllDown(clusters: ClusterState[]): void {
  if (clusters.length === 0 || clusters.some((c) => c.state !== 'down')) return;
  const cause = clusters[0]?.error;
  throw new CallFailure(
    cause?.code ?? 'unreachable',
    `${clusters.length === 1 ? `Cluster ${clusters[0]!.context}` : 'No selected cluster'} could not be read${cause ? `: ${cause.message}` : ''}`,
  );
}
