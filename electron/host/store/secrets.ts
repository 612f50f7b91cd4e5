// Ciphertexts by id. This table never sees plaintext: only the vault (vault.ts) calls it, after
// encrypting. Anything else that needs a secret asks the vault.
import type Database from 'better-sqlite3';

export class SecretRepository {
  constructor(private readonly db: Database.Database) {}

  put(id: string, ciphertext: Buffer, now: Date = new Date()): void {
    if (!Buffer.isBuffer(ciphertext)) throw new TypeError('secrets hold ciphertext Buffers only');
    this.db
      .prepare(
        `INSERT INTO secrets (id, ciphertext, created_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET ciphertext = excluded.ciphertext, created_at = excluded.created_at`,
      )
      .run(id, ciphertext, now.toISOString());
  }

  get(id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT ciphertext FROM secrets WHERE id = ?').get(id) as
      { ciphertext: Buffer } | undefined;
    return row?.ciphertext;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM secrets WHERE id = ?').run(id).changes > 0;
  }

  ids(): string[] {
    return (this.db.prepare('SELECT id FROM secrets ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    );
  }
}
