// Worker threads do not inherit the main thread's `--import tsx` hooks for their entry file, so
// this plain-JS entry registers tsx and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
