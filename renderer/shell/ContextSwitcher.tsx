// Which kube contexts the console connects to. The contexts come from each Kubernetes
// connection's headline (its kubeconfig); ticking one calls kubernetes.selectContexts.
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectionView } from '../../shared/contract/connections';
import type { Headline } from '../../shared/contract/sources';
import { ErrorMessage } from '../components/ErrorMessage';
import { Popover } from '../components/Popover';
import { useToasts } from '../components/toasts';
import { freshValue, useFreshCalls, type Fresh } from '../data/fresh';
import { callKey, useCall, useCallMutation } from '../data/queries';

type KubernetesHeadline = Extract<Headline, { kind: 'kubernetes' }>;

function kubeHeadline(fresh: Fresh<Headline> | undefined): KubernetesHeadline | undefined {
  const value = fresh && freshValue(fresh);
  return value?.kind === 'kubernetes' ? value : undefined;
}

export function ContextSwitcher() {
  const list = useCall('connections.list', {});
  const kube = (list.data?.connections ?? []).filter((c) => c.connection.kind === 'kubernetes');
  const heads = useFreshCalls(
    'sources.headline',
    kube.map((c) => ({ id: c.connection.id })),
  );

  if (list.data && kube.length === 0) {
    return (
      <div className="popover-root">
        <button
          type="button"
          className="topbar-trigger"
          data-testid="context-switcher"
          disabled
          title="This workspace has no Kubernetes connection"
        >
          <span className="trigger-caption">Contexts</span>
          <span className="trigger-value muted">none</span>
        </button>
      </div>
    );
  }

  const selected = heads.flatMap(
    (fresh) =>
      kubeHeadline(fresh)
        ?.contexts.filter((c) => c.selected)
        .map((c) => c.context) ?? [],
  );
  const total = heads.reduce((n, fresh) => n + (kubeHeadline(fresh)?.contexts.length ?? 0), 0);
  const summary =
    total === 0
      ? '…'
      : selected.length === 0
        ? 'none selected'
        : selected.length === 1
          ? selected[0]
          : `${selected[0]} +${selected.length - 1}`;

  return (
    <Popover
      trigger={
        <>
          <span className="trigger-caption">Contexts</span>
          <span className="trigger-value mono">{summary}</span>
        </>
      }
      triggerLabel={`Kube contexts: ${selected.length} of ${total} selected. Choose contexts`}
      testId="context-switcher"
      panelLabel="Kube contexts"
    >
      {() => (
        <div className="context-groups">
          {kube.map((view, i) => (
            <ContextGroup key={view.connection.id} view={view} fresh={heads[i]} />
          ))}
        </div>
      )}
    </Popover>
  );
}

function ContextGroup({
  view,
  fresh,
}: {
  view: ConnectionView;
  fresh: Fresh<Headline> | undefined;
}) {
  const client = useQueryClient();
  const toasts = useToasts();
  const id = view.connection.id;
  const select = useCallMutation('kubernetes.selectContexts', {
    onSuccess: ({ selected }) => {
      // Tick the boxes at once, then ask for the figures of the new selection.
      for (const from of ['cache', 'live'] as const) {
        client.setQueryData<{ value: Headline | null }>(
          callKey('sources.headline', { id, from }),
          (old) =>
            old?.value?.kind === 'kubernetes'
              ? {
                  ...old,
                  value: {
                    ...old.value,
                    contexts: old.value.contexts.map((c) => ({
                      ...c,
                      selected: selected.includes(c.context),
                    })),
                  },
                }
              : old,
        );
      }
      void client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'sources.headline' &&
          (q.queryKey[1] as { id?: string } | undefined)?.id === id,
      });
    },
  });
  const headline = kubeHeadline(fresh);

  let body;
  if (!headline) {
    body =
      fresh?.state === 'error' ? (
        <ErrorMessage error={fresh.error} compact />
      ) : (
        <p className="muted menu-note">Reading contexts…</p>
      );
  } else if (headline.contexts.length === 0) {
    body = <p className="muted menu-note">The kubeconfig has no contexts.</p>;
  } else {
    const chosen = select.isPending
      ? (select.variables?.contexts ?? [])
      : headline.contexts.filter((c) => c.selected).map((c) => c.context);
    body = headline.contexts.map((ctx) => {
      const checked = chosen.includes(ctx.context);
      return (
        <label key={ctx.context} className="check-row">
          <input
            type="checkbox"
            checked={checked}
            disabled={select.isPending}
            data-testid={`context-option-${ctx.context}`}
            onChange={() =>
              select.mutate(
                {
                  id,
                  contexts: checked
                    ? chosen.filter((c) => c !== ctx.context)
                    : headline.contexts
                        .map((c) => c.context)
                        .filter((c) => c === ctx.context || chosen.includes(c)),
                },
                {
                  onError: (error) =>
                    toasts.show({
                      tone: 'error',
                      title: 'Could not change the selected contexts',
                      message: error.message,
                    }),
                },
              )
            }
          />
          <span className="check-row-text">
            <span className="mono">{ctx.context}</span>
            <span className="muted mono small">{ctx.server}</span>
          </span>
        </label>
      );
    });
  }

  return (
    <fieldset className="context-group">
      <legend>{view.connection.name}</legend>
      {body}
    </fieldset>
  );
}
