// The whole contract between the renderer and the host. Adding a call: declare it in the
// capability's file, add that file's map here, implement it once in the host's handlers.
import type * as z from 'zod';
import { alertsCalls, alertsEvents } from './alerts';
import { appCalls, appEvents } from './app';
import { approvalsCalls } from './approvals';
import { auditCalls } from './audit';
import { briefCalls } from './brief';
import { connectionsCalls, connectionsEvents } from './connections';
import { driftCalls, driftEvents } from './drift';
import { driftScoresCalls } from './drift-scores';
import { modelsCalls } from './models';
import { monitoringCalls } from './monitoring';
import { pipelineActionsCalls } from './pipeline-actions';
import { pipelinesCalls, pipelinesEvents } from './pipelines';
import { promotionCalls, promotionEvents } from './promotion';
import { schedulesCalls } from './schedules';
import { servingCalls, servingEvents } from './serving';
import { sourcesCalls } from './sources';
import { workspaceCalls, workspaceEvents } from './workspace';

export const calls = {
  ...appCalls,
  ...workspaceCalls,
  ...connectionsCalls,
  ...sourcesCalls,
  ...auditCalls,
  ...modelsCalls,
  ...approvalsCalls,
  ...promotionCalls,
  ...pipelinesCalls,
  ...driftCalls,
  ...pipelineActionsCalls,
  ...schedulesCalls,
  ...servingCalls,
  ...briefCalls,
  ...alertsCalls,
  ...driftScoresCalls,
  ...monitoringCalls,
};

export const events = {
  ...promotionEvents,
  ...appEvents,
  ...workspaceEvents,
  ...connectionsEvents,
  ...pipelinesEvents,
  ...driftEvents,
  ...alertsEvents,
  ...servingEvents,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What the caller passes (defaults not yet applied). */
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What the handler receives (defaults applied). */
export type CallArgs<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export type Events = typeof events;
export type EventTopic = keyof Events;
export type EventPayload<T extends EventTopic> = z.output<Events[T]['payload']>;

export const callNames = Object.keys(calls) as CallName[];
export const eventTopics = Object.keys(events) as EventTopic[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export function isEventTopic(name: string): name is EventTopic {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export * from './core';
