// Alertmanager (API v2): the client and its connection test.
export {
  AlertmanagerClient,
  readAlertmanagerError,
  formatMatcher,
  type AlertFilter,
  type NewSilence,
} from './client';
export {
  createAlertmanagerSource,
  testAlertmanagerConnection,
  type AlertmanagerSource,
} from './source';
export * from './schemas';
