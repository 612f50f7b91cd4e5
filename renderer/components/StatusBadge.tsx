// Status dots and badges. Colour is never the only signal: each carries a word too.
import type { ReactNode } from 'react';

export type SourceState = 'ok' | 'degraded' | 'down' | 'unknown';
export type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'info' | 'accent' | 'demo';

const stateLabels: Record<SourceState, string> = {
  ok: 'Connected',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
};

const stateTones: Record<SourceState, Tone> = {
  ok: 'ok',
  degraded: 'warn',
  down: 'danger',
  unknown: 'neutral',
};

export function StatusDot({
  state,
  title,
  testId,
  showLabel = true,
}: {
  state: SourceState;
  title?: string;
  testId?: string;
  showLabel?: boolean;
}) {
  return (
    <span
      className={`status-dot tone-${stateTones[state]}`}
      data-testid={testId}
      data-state={state}
      title={title}
    >
      <span className="dot" aria-hidden="true" />
      {showLabel ? (
        <span className="status-label">{stateLabels[state]}</span>
      ) : (
        <span className="visually-hidden">{stateLabels[state]}</span>
      )}
    </span>
  );
}

export function Badge({
  tone = 'neutral',
  children,
  title,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
  testId?: string;
}) {
  return (
    <span className={`badge tone-${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}
