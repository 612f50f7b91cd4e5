// Which contract this host was built with. The host keeps answers it has already checked against
// the contract (the pipelines snapshot) and trusts them again only when they were checked by the
// same contract: a console updated to a new one checks its old snapshots as it would any answer.
// The bundles carry a hash of shared/ (scripts/build-electron.mjs); run from source (tests, tsx),
// the host and its snapshots share the one contract the sources hold.
declare const __CONTRACT_FINGERPRINT__: string | undefined;

export const contractFingerprint: string =
  typeof __CONTRACT_FINGERPRINT__ === 'string' ? __CONTRACT_FINGERPRINT__ : 'source';
