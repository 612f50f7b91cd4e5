// Connections the user added in Settings, per workspace. The config is the shared Connection
// shape, which holds secret references only: the secrets themselves live in the vault.
import type Database from 'better-sqlite3';
import { connection as connectionSchema, type Connection } from '../../../shared/model/connection';

export interface StoredConnection {
  workspace: string;
  connection: Connection;
  createdAt: string;
  updatedAt: string;
}

interface ConnectionRow {
  workspace: string;
  config: string;
  created_at: string;
  updated_at: string;
}

export class ConnectionRepository {
  constructor(private readonly db: Database.Database) {}

  list(workspace: string): StoredConnection[] {
    const rows = this.db
      .prepare(
        'SELECT workspace, config, created_at, updated_at FROM connections WHERE workspace = ? ORDER BY name, id',
      )
      .all(workspace) as ConnectionRow[];
    return rows.map(fromRow);
  }

  get(workspace: string, id: string): StoredConnection | undefined {
    const row = this.db
      .prepare(
        'SELECT workspace, config, created_at, updated_at FROM connections WHERE workspace = ? AND id = ?',
      )
      .get(workspace, id) as ConnectionRow | undefined;
    return row && fromRow(row);
  }

  /** Validates against the shared schema, so a plaintext token can never be stored here. */
  upsert(workspace: string, value: Connection, now: Date = new Date()): StoredConnection {
    const parsed = connectionSchema.parse(value);
    const at = now.toISOString();
    this.db
      .prepare(
        `INSERT INTO connections (workspace, id, kind, name, config, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace, id) DO UPDATE SET
           kind = excluded.kind, name = excluded.name, config = excluded.config, updated_at = excluded.updated_at`,
      )
      .run(workspace, parsed.id, parsed.kind, parsed.name, JSON.stringify(parsed), at, at);
    return this.get(workspace, parsed.id)!;
  }

  /** True when there was such a connection. */
  remove(workspace: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM connections WHERE workspace = ? AND id = ?').run(workspace, id)
        .changes > 0
    );
  }
}

function fromRow(row: ConnectionRow): StoredConnection {
  return {
    workspace: row.workspace,
    connection: connectionSchema.parse(JSON.parse(row.config)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
