// The local store: SQLite file, repositories, audit log and secret vault.
export {
  openStore,
  storeFileName,
  type Store,
  type StoreDiagnostics,
  type OpenStoreOptions,
} from './store';
export { defaultDataDir, type DataDirContext } from './data-dir';
export { StoreCorruptError, StoreTooNewError } from './errors';
export { latestSchemaVersion, migrations, type Migration } from './migrations';
export type { StoredConnection, ConnectionRepository } from './connections';
export type { Snapshot, SnapshotRepository } from './snapshots';
export type { SettingsRepository } from './settings';
export type { SecretRepository } from './secrets';
export {
  genesisHash,
  hashAuditEntry,
  auditResults,
  type AuditEntry,
  type AuditResult,
} from './audit-entry';
export type { AuditLog, AuditEntryInput, AuditQuery } from './audit-log';
export type { AuditProblem, AuditVerification } from './audit-verify';
export { verifyAuditCommand, type CommandResult } from './verify-audit-command';
export {
  createVault,
  createSessionCipher,
  sessionCipher,
  VaultError,
  type SecretCipher,
  type Vault,
  type VaultDescription,
} from './vault';
export { canonicalJson } from './canonical-json';
