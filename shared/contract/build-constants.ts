// The contract's names as build-time constants, for the bundles that must not carry the schemas:
// the sandboxed preload (scripts/build-electron.mjs) and the renderer (vite.config.ts), whose
// answers the host has already checked. Derived from the contract, so nothing is declared twice.
import { callNames, eventTopics } from './index';

export function contractConstants(): Record<string, string> {
  return {
    __CONTRACT_CALL_NAMES__: JSON.stringify(callNames),
    __CONTRACT_EVENT_TOPICS__: JSON.stringify(eventTopics),
  };
}
