// The workspace currently open: its declared connections and, built on first use, the live
// sources behind them. Nothing is dialled until a screen asks.
import type { Connection } from '../../../shared/model/connection';
import type { LiveSource } from '../capabilities/sources/live-source';
import { CallFailure } from '../transport/failure';
import type { WorkspaceDefinition } from './catalog';

export type LiveSourceFactory = (connection: Connection, workspace: OpenWorkspace) => LiveSource;

export class OpenWorkspace {
  private readonly live = new Map<string, LiveSource>();

  constructor(
    readonly definition: WorkspaceDefinition,
    private readonly createSource: LiveSourceFactory,
  ) {}

  get id(): string {
    return this.definition.summary.id;
  }

  connection(id: string): Connection {
    const declared = this.definition.connections.find((c) => c.connection.id === id);
    if (!declared) throw new CallFailure('not_found', `This workspace has no connection "${id}"`);
    return declared.connection;
  }

  source(id: string): LiveSource {
    let source = this.live.get(id);
    if (!source) {
      source = this.createSource(this.connection(id), this);
      this.live.set(id, source);
    }
    return source;
  }

  /** A connection was edited: its live source is rebuilt on next use. */
  async forget(id: string): Promise<void> {
    const source = this.live.get(id);
    this.live.delete(id);
    await source?.close();
  }

  /** The key under which this workspace's last-known answers for a connection are cached. */
  snapshotSource(connectionId: string): string {
    return `${this.id}/${connectionId}`;
  }

  async close(): Promise<void> {
    const sources = [...this.live.values()];
    this.live.clear();
    await Promise.allSettled(sources.map((s) => s.close()));
  }
}
