#!/usr/bin/env node
// The installed `narratives` command. It runs the JavaScript that `npm run build` (run by `npm ci`)
// compiles into dist/, when that is newer than every TypeScript source; otherwise it registers tsx and
// runs the sources as they are, so an edited checkout never runs stale code, only slower to start.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of the .ts files under the given folders. */
function newestSource(folders) {
  let newest = 0;
  for (const folder of folders) {
    for (const entry of readdirSync(`${root}${folder}`, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

function compiledIsCurrent() {
  try {
    return statSync(`${root}dist/.built`).mtimeMs >= newestSource(['pipeline', 'stages']);
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  const { runAsProgram } = await import('../dist/pipeline/cli.js');
  await runAsProgram();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { runAsProgram } = await import('../pipeline/cli.ts');
  await runAsProgram();
}
