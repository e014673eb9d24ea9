// Worker thread entry when running from the TypeScript sources: registers tsx (a worker does not
// inherit the main thread's loader hooks), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./corpus-worker.ts');
