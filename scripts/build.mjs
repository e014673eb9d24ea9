// `npm run build`: bundles the command and the document stages' worker thread into dist/, with the
// libraries they import. Node resolves and links every module file it loads one by one, so a bundle
// loads faster than the sources. The code is split where the sources import lazily (each command, the
// document stages, the corpus stages), so `--help` or a rerun that changed nothing loads only its own
// chunks.
// Left out of the bundles: better-sqlite3 (a native addon), and what the sources load with createRequire
// at run time: compromise's single-file builds, WordNet's files, world-countries' JSON, and the packages
// that are mostly data, which load faster as their own JSON and CommonJS files than inside one big module
// (wink's model, iconv-lite's code pages). An import the bundle
// leaves out is loaded with the command itself, so those are required where they are used.
// Beside the code, the data parsing reads from compromise, which loading the library would build (1 MB,
// stages/parse/compromise-data.ts).
// Type-checking is `npm run typecheck`; esbuild only strips the types.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'pipeline/cli.ts',
    'document-worker': 'pipeline/document-worker.ts',
    'build-data': 'pipeline/build-data.ts',
  },
  outdir: 'dist/pipeline',
  splitting: true,
  // Beside the entries, so that a chunk finds the worker entry next to it (worker-entry.ts).
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // The libraries written as CommonJS call require(), which an ES module does not have.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// compromise's data beside the bundle, written by the bundle's own code (pipeline/build-data.ts).
const { writeBuildData } = await import(`${root}dist/pipeline/build-data.js`);
writeBuildData(`${root}dist/pipeline`);
// bin/narratives.js runs dist/ only when this marker is newer than every source.
writeFileSync(`${root}dist/.built`, '');
