// What the renderer's build writes in as constants (vite.config.ts, from the contract), set here
// for the renderer's tests; the contract itself stays out of vitest's config.
import { contractConstants } from '../../shared/contract/build-constants';

for (const [name, json] of Object.entries(contractConstants())) {
  Object.assign(globalThis, { [name]: JSON.parse(json) as unknown });
}
