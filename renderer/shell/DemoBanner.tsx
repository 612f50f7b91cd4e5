import { useCall } from '../data/queries';
import { useSwitchWorkspace } from './workspace-change';

/** Nobody should mistake simulated figures for their cluster: the demo says so on every page. */
export function DemoBanner() {
  const workspace = useCall('workspace.get', {});
  const switchTo = useSwitchWorkspace();
  const state = workspace.data;
  if (state?.current.kind !== 'demo') return null;
  const local = state.available.find((w) => w.kind === 'local');
  return (
    <div
      className="banner banner-demo"
      data-testid="demo-banner"
      role="region"
      aria-label="Demo workspace"
    >
      <span className="banner-text">
        <strong>Demo workspace</strong> — a simulated cluster, model registry and metrics
      </span>
      <button
        type="button"
        className="button small"
        data-testid="leave-demo"
        disabled={!local || switchTo.isPending}
        title={local ? `Open ${local.name}` : 'There is no local workspace to open'}
        onClick={() => local && switchTo.mutate(local.id)}
      >
        {switchTo.isPending ? 'Leaving…' : 'Leave demo'}
      </button>
    </div>
  );
}
