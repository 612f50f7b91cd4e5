// The Gates card of a version's page: the live checklist, the cached one while it loads.
import { FreshPanel } from '../../../components/FreshPanel';
import { useFreshCall } from '../../../data/fresh';
import { GateChecklist } from './GateChecklist';

export function GatesPanel({
  registryId,
  name,
  version,
}: {
  registryId: string;
  name: string;
  version: string;
}) {
  const gates = useFreshCall('approvals.gates', { id: registryId, name, version });
  return (
    <FreshPanel fresh={gates} skeletonLines={4}>
      {(report) => <GateChecklist report={report} />}
    </FreshPanel>
  );
}
