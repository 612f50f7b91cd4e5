// What the capabilities of the host share: the store, the vault, the event hub, the workspace
// that is open. Built once in index.ts; handlers receive it and nothing global.
import type { Logger } from './log/logger';
import type { Store, Vault } from './store';
import type { EventHub } from './transport/event-hub';
import type { WorkspaceCatalog } from './workspace/catalog';
import type { OpenWorkspace } from './workspace/open-workspace';

export interface HostContext {
  readonly store: Store;
  readonly vault: Vault;
  readonly events: EventHub;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly catalog: WorkspaceCatalog;
  readonly info: {
    version: string;
    mode: 'electron' | 'browser';
    dataDir: string;
    startedAt: string;
  };
  /** The open workspace; replaced by workspace.switch. */
  workspace(): OpenWorkspace;
  switchWorkspace(id: string): Promise<OpenWorkspace>;
  /** Who the user is, for the audit log of local actions (connection edits, workspace changes). */
  localActor(): string;
}
