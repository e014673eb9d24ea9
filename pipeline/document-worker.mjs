// Worker thread entry: registers tsx (a worker does not inherit the main thread's loader hooks), then
// loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./document-worker.ts');
