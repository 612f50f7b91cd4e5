// Which reads a launch starts, by the page it opens on: the shell's own (every page shows the
// workspace, the connections and the settings) and the snapshot its first paint needs. Kept free
// of React and react-query, so the window can send them before the rest of its bundle has run
// (see transport/early-calls.ts); `startPage` then asks for the same reads under the same keys.
import type { CallInput, CallName } from '../../shared/contract';
import type { FreshCallName, FreshInput } from './fresh';

export interface LaunchRead {
  name: CallName;
  input: object;
  /** The snapshot half of a `useFreshCall` read: `input` is sent with `from: 'cache'`. */
  snapshot: boolean;
}

function call<N extends CallName>(name: N, input: CallInput<N>): LaunchRead {
  return { name, input: input as object, snapshot: false };
}

function snapshot<N extends FreshCallName>(name: N, input: FreshInput<N>): LaunchRead {
  return { name, input: input as object, snapshot: true };
}

const shell: readonly LaunchRead[] = [
  call('workspace.get', {}),
  call('connections.list', {}),
  call('settings.get', {}),
];

/** Keyed by route path; the Overview's headlines follow its connections list (App.tsx). */
const pages: Readonly<Record<string, readonly LaunchRead[]>> = {
  '/overview': [snapshot('brief.get', {})],
  '/pipelines': [snapshot('pipelines.runs', {})],
  '/schedules': [snapshot('schedules.list', {})],
  '/serving': [snapshot('serving.services', {})],
  '/alerts': [snapshot('alerts.list', {})],
};

/** The reads to start for the page at route `path` (a route's pattern, or an exact address). */
export function launchReads(path: string): LaunchRead[] {
  return [...shell, ...(pages[path] ?? [])];
}

/** The call a launch read sends, as the bridge is asked for it. */
export function sentInput(read: LaunchRead): object {
  return read.snapshot ? { ...read.input, from: 'cache' } : read.input;
}

/** The page a window's address opens on: `#/pipelines?run=…` (hash routing); none, the Overview. */
export function launchPath(hash: string): string {
  return namesPage(hash) ? hash.replace(/^#/, '').split('?')[0]! : '/overview';
}

/** Whether a window's address names a page (`#/pipelines`), or none (`''`, `#/`, `#/?x`). */
export function namesPage(hash: string): boolean {
  return !/^#?\/?(\?|$)/.test(hash);
}
