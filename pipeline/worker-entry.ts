/**
 * The file a worker thread starts from. Compiled (dist/), the worker is plain JavaScript; run from the
 * TypeScript sources, `<name>.mjs` beside it registers tsx first (a worker does not inherit the main
 * thread's loader hooks).
 */
export function workerEntry(name: string, from: string): URL {
  return new URL(from.endsWith('.ts') ? `./${name}.mjs` : `./${name}.js`, from);
}
