// The one subscription to the host's event stream. Events land in the query cache (statuses),
// reset it (workspace changed) or become toasts (host log); the stream state drives a banner.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { EventPayload, EventTopic } from '../../shared/contract';
import type { StreamState } from '../transport/types';
import { useToasts } from '../components/toasts';
import { useBridge } from '../data/bridge-context';
import { isLocalKey } from '../data/query-client';
import { recordSourceStatus } from '../data/source-status';
import { applyPipelinesChange } from '../capabilities/pipelines/runs-view';
import { refetchServing } from '../capabilities/serving/serving-view';
import { applyDriftProgress } from '../capabilities/drift/report/report-view';
import { showBrowserNotifications } from '../capabilities/alerts/browser-notifications';
import { useWorkspaceChange } from './workspace-change';

export function useHostEvents(): StreamState {
  const bridge = useBridge();
  const client = useQueryClient();
  const toasts = useToasts();
  const applyWorkspaceChange = useWorkspaceChange();
  const [stream, setStream] = useState<StreamState>('open');

  const onEvent = useRef<(topic: EventTopic, payload: unknown) => void>(() => undefined);
  useEffect(() => {
    onEvent.current = (topic, payload) => {
      switch (topic) {
        case 'sources.status':
          recordSourceStatus(client, payload as EventPayload<'sources.status'>);
          break;
        case 'pipelines.changed':
          applyPipelinesChange(client, payload as EventPayload<'pipelines.changed'>);
          break;
        case 'serving.changed':
          refetchServing(client);
          break;
        case 'drift.progress':
          applyDriftProgress(client, payload as EventPayload<'drift.progress'>);
          break;
        case 'alerts.criticalFiring':
          showBrowserNotifications((payload as EventPayload<'alerts.criticalFiring'>).alerts);
          void client.invalidateQueries({ queryKey: ['alerts.list'] });
          break;
        case 'workspace.changed':
          applyWorkspaceChange(payload as EventPayload<'workspace.changed'>);
          break;
        case 'promotion.reconciled': {
          const notice = payload as EventPayload<'promotion.reconciled'>;
          toasts.show({
            tone: notice.result === 'failed' ? 'error' : 'warn',
            title: `Interrupted ${notice.kind} of ${notice.model} reconciled`,
            message: notice.message,
          });
          break;
        }
        case 'app.log': {
          const log = payload as EventPayload<'app.log'>;
          toasts.show({
            tone: log.level === 'error' ? 'error' : 'warn',
            title: log.source
              ? `${log.level === 'error' ? 'Error' : 'Warning'} from ${log.source}`
              : log.level === 'error'
                ? 'Error'
                : 'Warning',
            message: log.message,
          });
          break;
        }
      }
    };
  });

  useEffect(() => {
    let previous: StreamState = 'open';
    return bridge.listen(
      (topic, payload) => onEvent.current(topic, payload),
      (state) => {
        // Back from an outage: whatever is on screen may have changed meanwhile.
        if (previous === 'reconnecting' && state === 'open') {
          void client.invalidateQueries({ predicate: (q) => !isLocalKey(q.queryKey) });
        }
        previous = state;
        setStream(state);
      },
    );
  }, [bridge, client]);

  return stream;
}
