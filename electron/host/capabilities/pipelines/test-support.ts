// For the pipelines' tests: a workspace file declaring one Kubernetes connection, "prod".
import { OpenWorkspace } from '../../workspace/open-workspace';

/** `source` stands in for the connection's live source (by default, there is none). */
export function oneClusterWorkspace(
  source: () => unknown = () => {
    throw new Error('no live source in this test');
  },
): OpenWorkspace {
  return new OpenWorkspace(
    {
      summary: { id: 'ws', name: 'Workspace', kind: 'file' },
      connections: [
        {
          connection: { id: 'prod', name: 'Prod', kind: 'kubernetes' },
          origin: 'workspace-file',
          editable: false,
        },
      ],
      signalOverrides: {},
    } as unknown as ConstructorParameters<typeof OpenWorkspace>[0],
    source as never,
  );
}
