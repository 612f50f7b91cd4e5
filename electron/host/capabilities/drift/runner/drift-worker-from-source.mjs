// Running from TypeScript sources (tsx, tests), a worker thread does not inherit tsx's loader:
// register it here, then load the worker itself. The bundled app uses dist-electron/drift-worker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./drift-worker.ts');
