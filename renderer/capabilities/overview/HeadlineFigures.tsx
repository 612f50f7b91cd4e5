// One source's headline figures, per kind.
import type { ReactNode } from 'react';
import type { Headline } from '../../../shared/contract/sources';
import { errorTitle } from '../../components/error-text';
import { IconWarning } from '../../components/icons';

type Of<K extends Headline['kind']> = Extract<Headline, { kind: K }>;

export function HeadlineFigures({ headline }: { headline: Headline }) {
  switch (headline.kind) {
    case 'kubernetes':
      return <KubernetesFigures headline={headline} />;
    case 'mlflow':
      return <MlflowFigures headline={headline} />;
    case 'prometheus':
      return <PrometheusFigures headline={headline} />;
    case 'alertmanager':
      return <AlertmanagerFigures headline={headline} />;
  }
}

function Figure({
  label,
  children,
  tone,
  testId,
  text = false,
}: {
  label: string;
  children: ReactNode;
  tone?: 'danger' | 'warn';
  testId?: string;
  /** A word (a version) rather than a count: set smaller. */
  text?: boolean;
}) {
  return (
    <div className={text ? 'figure figure-text' : 'figure'} data-testid={testId}>
      <dt>{label}</dt>
      <dd className={tone ? `tone-text-${tone}` : undefined}>{children}</dd>
    </div>
  );
}

const dash = <span className="muted">—</span>;

function KubernetesFigures({ headline }: { headline: Of<'kubernetes'> }) {
  const selected = headline.contexts.filter((c) => c.selected);
  const others = headline.contexts.length - selected.length;
  const problems =
    headline.problems.length > 0 ? (
      <ul className="kubeconfig-problems" data-testid="kubeconfig-problems">
        {headline.problems.map((problem, i) => (
          <li key={i}>
            <IconWarning /> <span>{problem}</span>
          </li>
        ))}
      </ul>
    ) : null;
  if (selected.length === 0) {
    return (
      <>
        {problems}
        <p className="muted">
          {headline.contexts.length > 0
            ? `No context selected (${headline.contexts.length} in the kubeconfig) — choose contexts in the top bar.`
            : 'The kubeconfig has no contexts.'}
        </p>
      </>
    );
  }
  return (
    <>
      {problems}
      <table className="figure-table">
        <thead>
          <tr>
            <th scope="col">Context</th>
            <th scope="col">Version</th>
            <th scope="col" className="num">
              Namespaces
            </th>
            <th scope="col" className="num">
              Nodes
            </th>
            <th scope="col" className="num" title="allocatable / capacity">
              GPUs
            </th>
          </tr>
        </thead>
        <tbody>
          {selected.map((ctx) => (
            <tr key={ctx.context} data-testid={`context-row-${ctx.context}`}>
              <th scope="row" className="mono" title={ctx.server}>
                {ctx.context}
              </th>
              {ctx.error ? (
                <td colSpan={4} className="context-error" data-testid="context-error">
                  <strong>{errorTitle(ctx.error)}</strong> {ctx.error.message}
                </td>
              ) : (
                <>
                  <td className="mono">{ctx.serverVersion ?? dash}</td>
                  <td className="num">
                    {!ctx.namespaces ? (
                      dash
                    ) : ctx.namespaces.permitted ? (
                      ctx.namespaces.count
                    ) : (
                      <span className="muted" title="The credentials may not list namespaces">
                        not permitted
                      </span>
                    )}
                  </td>
                  <td className="num">{ctx.nodes ?? dash}</td>
                  <td className="num">
                    {ctx.gpus ? `${ctx.gpus.allocatable} / ${ctx.gpus.capacity}` : dash}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && (
        <p className="figure-note muted">
          {others} more context{others === 1 ? '' : 's'} in the kubeconfig, not selected.
        </p>
      )}
    </>
  );
}

function MlflowFigures({ headline }: { headline: Of<'mlflow'> }) {
  return (
    <dl className="figures">
      <Figure label="Registered models" testId="figure-models">
        {headline.registeredModels}
      </Figure>
      <Figure label="Versions with aliases">{headline.aliasedVersions ?? dash}</Figure>
      <Figure label="Server" text>
        {headline.serverVersion ?? dash}
      </Figure>
    </dl>
  );
}

function PrometheusFigures({ headline }: { headline: Of<'prometheus'> }) {
  const down = headline.targetsTotal - headline.targetsUp;
  return (
    <dl className="figures">
      <Figure label="Targets up" tone={down > 0 ? 'warn' : undefined} testId="figure-targets">
        {headline.targetsUp} / {headline.targetsTotal}
      </Figure>
      <Figure label="GPUs reporting">{headline.gpusReporting ?? dash}</Figure>
      <Figure label="Server" text>
        {headline.serverVersion ?? dash}
      </Figure>
    </dl>
  );
}

function AlertmanagerFigures({ headline }: { headline: Of<'alertmanager'> }) {
  return (
    <dl className="figures">
      <Figure
        label="Firing alerts"
        tone={headline.firing > 0 ? 'danger' : undefined}
        testId="figure-firing"
      >
        {headline.firing}
      </Figure>
      <Figure label="Silences">{headline.silences}</Figure>
      <Figure label="Server" text>
        {headline.serverVersion ?? dash}
      </Figure>
    </dl>
  );
}
