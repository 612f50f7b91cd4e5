import { useState } from 'react';
import type { ConnectionView } from '../../../../shared/contract/connections';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { KindIcon, kindLabels } from '../../../components/connection-kinds';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Badge, type Tone } from '../../../components/StatusBadge';
import { useToasts } from '../../../components/toasts';
import { useCallMutation } from '../../../data/queries';
import { TestResults } from './TestResults';

const origins: Record<ConnectionView['origin'], { label: string; tone: Tone; why: string }> = {
  demo: { label: 'Demo', tone: 'demo', why: 'Part of the simulated demo workspace' },
  file: {
    label: 'Workspace file',
    tone: 'neutral',
    why: 'Declared in the workspace file: edit the file to change it',
  },
  environment: {
    label: 'Environment',
    tone: 'neutral',
    why: 'Found in your environment (KUBECONFIG, MLFLOW_TRACKING_URI…): change the environment to change it',
  },
  settings: { label: 'Settings', tone: 'info', why: 'Added here in Settings' },
};

export function ConnectionRow({ view, onEdit }: { view: ConnectionView; onEdit: () => void }) {
  const { id, name, kind } = view.connection;
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const test = useCallMutation('connections.test');
  const remove = useCallMutation('connections.remove', {
    invalidates: ['connections.list', 'sources.headline'],
    onSuccess: () => {
      setConfirming(false);
      toasts.show({ tone: 'ok', title: `Removed ${name}` });
    },
  });
  const origin = origins[view.origin];

  return (
    <li className="connection-row" data-testid={`connection-row-${id}`}>
      <div className="connection-main">
        <KindIcon kind={kind} />
        <div className="connection-name">
          <strong>{name}</strong>
          <span className="muted">
            {kindLabels[kind]} · <span className="mono">{id}</span>
          </span>
        </div>
        <Badge tone={origin.tone} title={origin.why} testId={`connection-origin-${id}`}>
          {origin.label}
        </Badge>
        <span className="connection-secrets">
          {view.secrets.length === 0 ? (
            <span className="muted small">no secrets</span>
          ) : (
            view.secrets.map((s) => (
              <Badge key={s.field} tone={s.present ? 'ok' : 'danger'} title={`Reference: ${s.ref}`}>
                {s.field} {s.present ? 'present' : 'missing'}
              </Badge>
            ))
          )}
        </span>
        <span className="connection-actions">
          <button
            type="button"
            className="button small"
            data-testid={`connection-test-${id}`}
            disabled={test.isPending}
            onClick={() => test.mutate({ id })}
          >
            {test.isPending ? 'Testing…' : 'Test'}
          </button>
          {view.editable && (
            <>
              <button
                type="button"
                className="button small"
                data-testid={`connection-edit-${id}`}
                onClick={onEdit}
              >
                Edit
              </button>
              <button
                type="button"
                className="button small danger-ghost"
                data-testid={`connection-remove-${id}`}
                onClick={() => setConfirming(true)}
              >
                Remove
              </button>
            </>
          )}
        </span>
      </div>
      {test.data && <TestResults results={test.data.results} />}
      {test.error && <ErrorMessage error={test.error} compact />}
      <ConfirmDialog
        open={confirming}
        title={`Remove ${name}?`}
        confirmLabel="Remove connection"
        danger
        pending={remove.isPending}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ id })}
      >
        <p>
          The console forgets <strong>{name}</strong> (<span className="mono">{id}</span>) and the
          secrets it saved for it. The system itself is not touched.
        </p>
        {remove.error && <ErrorMessage error={remove.error} compact />}
      </ConfirmDialog>
    </li>
  );
}
