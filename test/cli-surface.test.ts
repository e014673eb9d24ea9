/**
 * What a user meets at the command line beyond the commands' work: --version, "did you mean" for a
 * typo, errors as JSON with --json, a progress line that fits the terminal, `export --help` naming
 * every section, and a package that carries what the installed command needs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Progress } from '../pipeline/progress.ts';
import { cli, tempDir, workspace } from './helpers.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

describe('--version', () => {
  it('prints the version in package.json, in-process and as the installed bin', async () => {
    for (const flag of ['--version', '-V']) expect(await cli(flag)).toEqual({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(execFileSync(join(ROOT, 'bin', 'narratives.js'), ['--version'], { encoding: 'utf8' })).toBe(`${manifest.version}\n`);
  });
});

describe('did you mean', () => {
  it('names the flag or command a typo most likely meant, in one line with exit 2', async () => {
    const cases: [string[], string][] = [
      [['run', '--forse'], 'did you mean --force?'],
      [['findings', '--kidn', 'denial'], 'did you mean --kind?'],
      [['export', '--fromat', 'json'], 'did you mean --format?'],
      [['finding'], 'did you mean "findings"?'],
      [['reveiw', 'F1'], 'did you mean "review"?'],
    ];
    for (const [args, hint] of cases) {
      const result = await cli(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toContain(hint);
    }
  });

  it('suggests nothing for a word far from every name', async () => {
    for (const args of [['frobnicate'], ['run', '--colour']]) {
      const result = await cli(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).not.toContain('did you mean');
    }
  });
});

describe('errors with --json', () => {
  it('go to stderr as one line of JSON with the exit status', async () => {
    const space = workspace(false);
    const missing = await cli('findings', '--json', '--db', join(space.root, 'none.db'));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.endsWith('\n') && missing.stderr.trim().split('\n').length === 1).toBe(true);
    const error = JSON.parse(missing.stderr) as { error: string; code: number };
    expect(error.code).toBe(1);
    expect(error.error).toContain(join(space.root, 'none.db'));

    const typo = await cli('run', '--forse', '--json');
    expect(typo.status).toBe(2);
    expect(JSON.parse(typo.stderr)).toMatchObject({ code: 2, error: expect.stringContaining('did you mean --force?') });
  });

  it('stay plain text without --json', async () => {
    const result = await cli('run', '--forse');
    expect(result.stderr).toMatch(/^narratives: run: /);
  });
});

/** A terminal stream of a given width, and what was drawn on it: each rewrite of the line. */
function fakeTerminal(columns?: number) {
  const drawn: string[] = [];
  const stream = { columns, write: (chunk: string) => drawn.push(...chunk.split('\r\x1b[K').filter(Boolean)) };
  return { stream, drawn };
}

describe('the progress line', () => {
  it('fits the terminal, names the stage and shows the percentage and the time left', () => {
    let now = 0;
    const { stream, drawn } = fakeTerminal(80);
    const progress = new Progress('terminal', stream, () => now);
    progress.update('extract', 0, 300);
    now = 10_000;
    // 30 of 300 in 10 s: 270 more at that rate take 90 s.
    progress.update('extract', 30, 300);
    expect(drawn.at(-1)).toBe('extract 30/300 documents 10% 10s ETA 1m30s');
    progress.finish();
    now = 12_000;
    progress.update('resolve-entities', 0, 7, 'stages');
    now = 26_000;
    progress.update('reconcile', 2, 7, 'stages');
    // The time left counts from the start of the stages: 14 s for 2, 35 s for the other 5.
    expect(drawn.at(-1)).toBe('reconcile 2/7 stages 28% 14s ETA 35s');
  });

  it('drops the least useful parts first on a narrow terminal, and never draws a line that would wrap', () => {
    let now = 0;
    for (const columns of [30, 20, 12]) {
      const { stream, drawn } = fakeTerminal(columns);
      const progress = new Progress('terminal', stream, () => now);
      progress.update('extract', 0, 300);
      now += 10_000;
      progress.update('extract', 30, 300);
      now += 10_000;
      progress.update('report-findings', 3, 7, 'stages');
      for (const line of drawn) expect(line.length, `${columns} columns: ${line}`).toBeLessThan(columns);
      if (columns === 30) expect(drawn[1]).toBe('extract 30/300 10% ETA 1m30s');
      if (columns === 20) expect(drawn[2]).toBe('report-fin… 3/7 42%');
    }
  });

  it('assumes 80 columns when the stream does not tell its width', () => {
    const { stream, drawn } = fakeTerminal(undefined);
    new Progress('terminal', stream, () => 0).update('a-stage-with-a-very-long-name-'.repeat(4), 1, 3);
    expect(drawn[0]!.length).toBeLessThan(80);
    expect(drawn[0]).toMatch(/^a-stage-with.*… 1\/3 33%$/);
  });

  it('names the document phase, not the chain of the seven document stages', async () => {
    const space = workspace();
    const result = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--progress', 'lines');
    expect(result.status).toBe(0);
    const stages = [...result.stderr.matchAll(/^progress: (\S+) \d+\/\d+ documents/gm)].map((match) => match[1]);
    // The phase starts before the first document (0/5), so the time left counts from the start.
    expect(result.stderr).toMatch(/^progress: extract 0\/5 documents/m);
    expect(stages).toHaveLength(6);
    expect(new Set(stages)).toEqual(new Set(['extract']));
  });
});

describe('export --help', () => {
  it('lists every section of the export', async () => {
    const space = workspace();
    expect((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
    const exported = JSON.parse((await cli('export', '--db', space.dbPath)).stdout) as Record<string, unknown>;
    const help = (await cli('export', '--help')).stdout;
    const block = help.slice(help.indexOf('sections:\n') + 'sections:\n'.length).split('\n\n')[0]!;
    const listed = block.split('\n').map((line) => /^ {2}([a-z_]+) {2,}\S/.exec(line)?.[1]);
    expect(listed).toEqual(Object.keys(exported));
  });
});

describe('the package', () => {
  /** Packages the code reads inside of (files, models, behaviour beyond their API): an update may break it silently. */
  const READ_INSIDE = ['compromise', 'wink-eng-lite-web-model', 'wink-nlp', 'natural'];

  /** Packages the sources import by a path that is not in the package's exports, e.g. 'natural/lib/…'. */
  function deepImports(): string[] {
    const found = new Set<string>();
    for (const folder of ['pipeline', 'stages']) {
      for (const file of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
        for (const [, name, subpath] of readFileSync(join(ROOT, folder, file), 'utf8').matchAll(/['"]((?:@[\w.-]+\/)?[a-z][\w.-]*)\/([^'"]+)['"]/g)) {
          // A package's version, read from its package.json, is no inside.
          if (!(name! in manifest.dependencies) || subpath === 'package.json') continue;
          const exported = (JSON.parse(readFileSync(join(ROOT, 'node_modules', name!, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> }).exports ?? {};
          const patterns = Object.keys(exported).map((key) => new RegExp(`^${key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.+')}$`));
          if (!patterns.some((pattern) => pattern.test(`./${subpath}`))) found.add(name!);
        }
      }
    }
    return [...found];
  }

  it('pins exactly the packages whose insides the code reads, as the lock file has them', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; dependencies?: Record<string, string> }> };
    const pinned = [...new Set([...READ_INSIDE, ...deepImports()])];
    expect(pinned).toEqual(expect.arrayContaining(['natural', 'wink-eng-lite-web-model']));
    for (const name of pinned) {
      expect(manifest.dependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]!.version, name).toBe(manifest.dependencies[name]);
    }
    // npm ci refuses a lock whose root entry differs from package.json.
    expect(lock.packages['']!.dependencies).toEqual(manifest.dependencies);
  });

  it('packs the compiled command and what the bin needs, and the unpacked copy runs', () => {
    const destination = tempDir();
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    const paths = packed!.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/narratives.js', 'dist/pipeline/cli.js', 'dist/.built', 'dist/pipeline/document-worker.js', 'package.json', 'pipeline/cli.ts']));
    expect(paths.filter((path) => path.startsWith('test/') || path.startsWith('corpus/'))).toEqual([]);
    execFileSync('tar', ['-xzf', join(destination, packed!.filename), '-C', destination]);
    const unpacked = join(destination, 'package');
    symlinkSync(join(ROOT, 'node_modules'), join(unpacked, 'node_modules'));
    const space = workspace();
    const bin = join(unpacked, 'bin', 'narratives.js');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${manifest.version}\n`);
    const summary = JSON.parse(execFileSync(bin, ['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json'], { encoding: 'utf8' }));
    expect(summary.documents.added).toBe(5);
  });
});

describe('the run summary', () => {
  it('counts one document and one sentence in the singular, and groups thousands', async () => {
    const { describeSummary } = await import('../pipeline/commands/run.ts');
    const summary = { run: 3, documents: { added: 1, changed: 0, reprocessed: 0, unchanged: 0, removed: 0, rejected: 0, duplicates: 0 }, tables: { documents: 1, sentences: 2225 }, seconds: { total: 0.5 }, corpusStagesSkipped: false };
    expect(describeSummary(summary as never)).toBe('run 3: 1 added, 0 changed, 0 unchanged, 0 removed, 0 rejected; 1 document, 2,225 sentences stored in 0.5s');
  });
});

describe('a wrong path', () => {
  it('is one line naming it and what is wrong, exit 1, wherever the file system refuses it', async () => {
    const space = workspace();
    expect((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
    const file = join(space.root, 'afile');
    writeFileSync(file, 'notes\n');
    const cases: [string[], RegExp][] = [
      [['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', join(file, 'sub')], /afile\/sub: a part of this path is a file, not a folder$/],
      [['backup', '--db', space.dbPath, '--to', join(file, 'x.db')], /backup: .*afile is not an existing folder; create it or choose another --to$/],
      [['backup', '--db', space.dbPath, '--to', '/proc/x.db'], /\/proc\/x\.db: cannot write the backup there \(.*\); choose another --to$/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(message);
    }
    const reports = join(space.root, 'reports2');
    mkdirSync(reports);
    writeFileSync(join(reports, 'documents'), 'not a folder\n');
    const blocked = await cli('run', '--corpus', space.corpusDir, '--db', join(space.root, 'other.db'), '--reports', reports, '--quiet');
    expect(blocked.status, blocked.stderr).toBe(1);
    expect(blocked.stderr.trimEnd()).toMatch(/reports2\/documents\/\w+\.md: a part of this path is a file, not a folder$/);
  });
});
