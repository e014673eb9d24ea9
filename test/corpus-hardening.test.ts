/** Hostile or mistaken corpus input: links, alias bombs, manifest typos, files `add` must refuse, an empty corpus, a bad --reports. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportStore } from '../pipeline/export.ts';
import { cli, workspace } from './helpers.ts';

type Space = ReturnType<typeof workspace>;

const runArgs = (space: Space, ...extra: string[]) => ['--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, ...extra];

function exported(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return exportStore(db);
  } finally {
    db.close();
  }
}

function runRows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT id, status FROM runs ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** Every file under a folder with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** A workspace whose store holds the five seeds. */
async function storedSpace(): Promise<Space> {
  const space = workspace();
  const first = await cli('run', ...runArgs(space, '--quiet'));
  expect(first.status, first.stderr).toBe(0);
  return space;
}

/** The one line of an error, and that it is one line. */
function oneLine(stderr: string): string {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  return stderr.trimEnd();
}

describe('symbolic links in the corpus folder', () => {
  it('are not read: a link to /etc/passwd is skipped with a warning, --follow-symlinks or not', async () => {
    const space = workspace();
    symlinkSync('/etc/passwd', join(space.corpusDir, 'passwd.txt'));
    for (const extra of [[], ['--follow-symlinks']]) {
      const result = await cli('run', ...runArgs(space, '--json', ...extra));
      expect(result.status, result.stderr).toBe(0);
      const warnings = result.stderr.split('\n').filter((line) => line.includes('passwd.txt'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^warning: .*passwd\.txt: is a symbolic link/);
      expect(JSON.stringify(exported(space.dbPath))).not.toContain('root:');
      expect(Object.values(snapshot(space.reportsDir)).join('\n')).not.toContain('root:');
    }
  });

  it('with --follow-symlinks, a link to a file inside the corpus folder is read; without, it is skipped', async () => {
    const space = workspace(false);
    mkdirSync(join(space.corpusDir, '.drafts'));
    writeFileSync(join(space.corpusDir, '.drafts', 'draft.txt'), 'Keith Krach visited Chile in November.\n');
    symlinkSync(join(space.corpusDir, '.drafts', 'draft.txt'), join(space.corpusDir, 'linked.txt'));
    writeFileSync(join(space.corpusDir, 'plain.txt'), 'Pompeo spoke on Wednesday.\n');
    const skipped = await cli('run', ...runArgs(space, '--json'));
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(exported(space.dbPath).documents.map((document) => document.path)).toEqual(['plain.txt']);
    const followed = await cli('run', ...runArgs(space, '--json', '--follow-symlinks'));
    expect(followed.status, followed.stderr).toBe(0);
    expect(exported(space.dbPath).documents.map((document) => document.path).sort()).toEqual(['linked.txt', 'plain.txt']);
  });

  it('a link to a folder, and a link that leads nowhere, are skipped with a warning, not rejected as errors', async () => {
    const space = workspace(false);
    const outside = join(space.root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0\n');
    symlinkSync(outside, join(space.corpusDir, 'sub'));
    symlinkSync(join(space.root, 'missing.txt'), join(space.corpusDir, 'gone.txt'));
    writeFileSync(join(space.corpusDir, 'plain.txt'), 'Pompeo spoke on Wednesday.\n');
    for (const extra of [[], ['--follow-symlinks']]) {
      const result = await cli('run', ...runArgs(space, '--strict', ...extra));
      expect(result.status, result.stderr).toBe(0);
      const lines = result.stderr.split('\n').filter((line) => /sub|gone\.txt/.test(line));
      expect(lines, result.stderr).toHaveLength(2);
      for (const line of lines) expect(line).toMatch(/^warning: .*: is a symbolic link.*; not read, and nothing stored from it is kept/);
      expect(exported(space.dbPath).documents.map((document) => document.path)).toEqual(['plain.txt']);
    }
  });
});

describe('manifest.yaml', () => {
  it('with an alias bomb gives one line and exit 1, and leaves the store as it was', async () => {
    const space = await storedSpace();
    const before = exported(space.dbPath);
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);
    writeFileSync(join(space.corpusDir, 'manifest.yaml'), `${levels.join('\n')}\n`);
    const result = await cli('run', ...runArgs(space));
    expect(result.status, result.stderr).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/manifest\.yaml: .*alias/);
    expect(exported(space.dbPath)).toEqual(before);
  });

  it('that is not valid YAML is named in one line that ends with its reason, not a dangling colon', async () => {
    const space = await storedSpace();
    writeFileSync(join(space.corpusDir, 'manifest.yaml'), 'a.txt:\n  kind: news\na.txt:\n  kind: press\n');
    const result = await cli('run', ...runArgs(space));
    expect(result.status, result.stderr).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/manifest\.yaml: Map keys must be unique at line \d+, column \d+$/);
  });

  it('with a typo in an entry keeps that document’s stored metadata, findings and reports, and says so', async () => {
    const space = await storedSpace();
    const before = { store: exported(space.dbPath), reports: snapshot(space.reportsDir) };
    const manifest = join(space.corpusDir, 'manifest.yaml');
    const original = readFileSync(manifest, 'utf8');
    const typos = original
      .replace(/(000_a1abb57812357fd8\.txt:\n(?:  .*\n)*?)  kind: press\n/, '$1  kind: opinion\n')
      .replace(/(000_a1abb57812357fd8\.txt:\n(?:  .*\n)*?)  published: 2020-11\n/, '$1  published: November 2020\n')
      .replace(/(001_a5905505a034775a\.txt:\n(?:  .*\n)*?)  source: unnamed news outlet\n/, '$1  source: [a, list]\n');
    expect(typos).toContain('kind: opinion');
    expect(typos).toContain('source: [a, list]');
    writeFileSync(manifest, typos);
    const result = await cli('run', ...runArgs(space));
    expect(result.status, result.stderr).toBe(0);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/000_a1abb57812357fd8\.txt: unknown kind "opinion" .*; unparseable published date "November 2020" .*; kept the stored document and its metadata/);
    expect(errors[1]).toMatch(/001_a5905505a034775a\.txt: source in manifest\.yaml is a list or mapping, not text; kept the stored document and its metadata/);
    const after = exported(space.dbPath);
    expect(after.documents).toEqual(before.store.documents);
    expect(after.findings).toEqual(before.store.findings);
    expect(snapshot(space.reportsDir)).toEqual(before.reports);
  });

  it('with a typo in a new file’s entry does not store that file until the entry is fixed', async () => {
    const space = await storedSpace();
    writeFileSync(join(space.corpusDir, 'extra.txt'), 'Pompeo spoke on Wednesday.\n');
    writeFileSync(join(space.corpusDir, 'manifest.yaml'), `${readFileSync(join(space.corpusDir, 'manifest.yaml'), 'utf8')}\nextra.txt:\n  kind: opinion\n  source: Example\n`);
    const result = await cli('run', ...runArgs(space));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`error: ${join(space.corpusDir, 'extra.txt')}: unknown kind "opinion" in manifest.yaml (expected press, critique, news, other, unknown) (skipped)`);
    expect(exported(space.dbPath).documents.map((document) => document.path)).not.toContain('extra.txt');
  });
});

describe('add refuses, before copying anything, a file a run would reject', () => {
  const truncatedGzip = gzipSync(Buffer.from('Pompeo spoke on Wednesday. '.repeat(200))).subarray(0, 60);
  const cases: { name: string; file: string; content: Buffer | string; reason: RegExp; extra?: string[] }[] = [
    { name: 'an empty file', file: 'empty.txt', content: '', reason: /empty\.txt: is empty or only white space/ },
    { name: 'a whitespace-only file', file: 'blank.txt', content: ' \n\t\n ', reason: /blank\.txt: is empty or only white space/ },
    { name: 'a binary .txt', file: 'binary.txt', content: Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), reason: /binary\.txt: .*NUL bytes/ },
    { name: 'a PDF renamed .txt', file: 'paper.txt', content: '%PDF-1.4\n1 0 obj\n', reason: /paper\.txt: .*PDF document/ },
    { name: 'a truncated .gz', file: 'cut.txt.gz', content: truncatedGzip, reason: /cut\.txt\.gz: is named \.gz but is not a valid gzip file/ },
    { name: 'a file over --max-size', file: 'huge.txt', content: 'word '.repeat(400), reason: /huge\.txt: is 2 KB, over the size limit of 1 KB \(--max-size\)/, extra: ['--max-size', '1KB'] },
  ];
  for (const { name, file, content, reason, extra = [] } of cases) {
    it(name, async () => {
      const space = await storedSpace();
      const before = { corpus: snapshot(space.corpusDir), store: exported(space.dbPath) };
      const source = join(space.root, file);
      writeFileSync(source, content);
      const result = await cli('add', source, '--kind', 'news', ...runArgs(space, ...extra));
      expect(result.status).toBe(1);
      expect(oneLine(result.stderr)).toMatch(reason);
      expect(snapshot(space.corpusDir)).toEqual(before.corpus);
      expect(exported(space.dbPath)).toEqual(before.store);
    });
  }
});

describe('add refuses files that would replace one another or never be read', () => {
  it('two files with the same name', async () => {
    const space = workspace(false);
    for (const folder of ['one', 'two']) {
      mkdirSync(join(space.root, folder));
      writeFileSync(join(space.root, folder, 'same.txt'), `The ${folder} text about Pompeo.\n`);
    }
    const result = await cli('add', join(space.root, 'one', 'same.txt'), join(space.root, 'two', 'same.txt'), ...runArgs(space));
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toContain('would both be');
    expect(readdirSync(space.corpusDir)).toEqual([]);
    expect(existsSync(space.dbPath)).toBe(false);
  });

  for (const name of ['line\nbreak.txt', 'bell\u0007.txt', 'escape\u001b[31m.txt']) {
    it(`a name with a control character: ${JSON.stringify(name)}`, async () => {
      const space = workspace(false);
      writeFileSync(join(space.root, name), 'Pompeo spoke on Wednesday.\n');
      const result = await cli('add', join(space.root, name), ...runArgs(space));
      expect(result.status).toBe(2);
      expect(oneLine(result.stderr)).toContain('control character');
      expect(readdirSync(space.corpusDir)).toEqual([]);
      expect(existsSync(space.dbPath)).toBe(false);
    });
  }

  for (const name of ['README.md', 'readme.txt', 'manifest.yaml']) {
    it(name, async () => {
      const space = workspace(false);
      writeFileSync(join(space.root, name), 'Pompeo spoke on Wednesday.\n');
      const result = await cli('add', join(space.root, name), ...runArgs(space));
      expect(result.status).toBe(2);
      oneLine(result.stderr);
      expect(readdirSync(space.corpusDir)).toEqual([]);
    });
  }
});

describe('a run that would lose everything or write in the wrong place stops first', () => {
  it('an empty corpus folder does not empty a store without --allow-empty', async () => {
    const space = await storedSpace();
    const before = { store: exported(space.dbPath), runs: runRows(space.dbPath) };
    const empty = join(space.root, 'empty');
    mkdirSync(empty);
    const refused = await cli('run', '--corpus', empty, '--db', space.dbPath, '--reports', space.reportsDir);
    expect(refused.status).toBe(1);
    expect(oneLine(refused.stderr)).toMatch(/empty: has no articles, and the run would remove all 5 stored documents; .*--allow-empty/);
    expect(exported(space.dbPath)).toEqual(before.store);
    expect(runRows(space.dbPath)).toEqual(before.runs);
    const allowed = await cli('run', '--corpus', empty, '--db', space.dbPath, '--reports', space.reportsDir, '--allow-empty', '--json');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).documents.removed).toBe(5);
  });

  it('a wrong corpus folder holding none of the stored files does not replace the store without --allow-empty', async () => {
    const space = await storedSpace();
    const before = exported(space.dbPath);
    const other = join(space.root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'note.txt'), 'A different article\n\nThe council met on Monday and agreed the budget.\n');
    const refused = await cli('run', '--corpus', other, '--db', space.dbPath, '--reports', space.reportsDir);
    expect(refused.status).toBe(1);
    expect(oneLine(refused.stderr)).toMatch(/other: has none of the stored documents' files, and the run would remove all 5 stored documents; .*--allow-empty/);
    expect(exported(space.dbPath)).toEqual(before);
    // One stored file still there: the others were removed on purpose, and the run goes on.
    const kept = join(space.root, 'kept');
    mkdirSync(kept);
    writeFileSync(join(kept, '000_a1abb57812357fd8.txt'), readFileSync(join(space.corpusDir, '000_a1abb57812357fd8.txt')));
    const run = await cli('run', '--corpus', kept, '--db', space.dbPath, '--reports', space.reportsDir, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).documents.removed).toBe(4);
  });

  it('a file given as --reports', async () => {
    const space = workspace();
    const file = join(space.root, 'reports.md');
    writeFileSync(file, 'notes\n');
    const result = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', file);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toContain('reports.md: is a file, not a folder');
    expect(existsSync(space.dbPath)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('notes\n');
    expect(statSync(file).isFile()).toBe(true);
  });
});

describe('help', () => {
  it('run and add list every file type they read', async () => {
    for (const name of ['run', 'add']) {
      const help = (await cli(name, '--help')).stdout;
      // Whole endings: ".htm" inside ".html" does not count.
      for (const type of ['txt', 'md', 'markdown', 'html', 'htm', 'gz']) expect(help, `${name} --help`).toMatch(new RegExp(`\\.${type}(?![a-z])`));
    }
  });
});

describe('what the corpus writes is shown as written, and cannot forge or reorder', () => {
  it('a file name with a newline or an escape sequence is one visible line in the run messages', async () => {
    const space = await storedSpace();
    writeFileSync(join(space.corpusDir, 'x\nerror: FAKE.txt: forged line.txt'), '');
    writeFileSync(join(space.corpusDir, 'red\u001b[31m.txt'), '');
    const result = await cli('run', ...runArgs(space));
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.includes('x␊error: FAKE.txt: forged line.txt: is empty'))).toBe(true);
    expect(result.stderr).not.toContain('\u001b');
  });

  it('bidirectional controls in manifest metadata reach neither the store nor the reports', async () => {
    const space = workspace();
    const manifest = join(space.corpusDir, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('source: unnamed news outlet', 'source: "unnamed \u2066news\u2069 outlet"').replace("title: \"Krach's Latin", "title: \"\u202eKrach's Latin"));
    expect((await cli('run', ...runArgs(space, '--quiet'))).status).toBe(0);
    const document = exported(space.dbPath).documents.find((candidate) => candidate.path === '000_a1abb57812357fd8.txt')!;
    expect(document.source).toBe('unnamed news outlet');
    expect(document.title.startsWith("Krach's Latin")).toBe(true);
    for (const [name, text] of Object.entries(snapshot(space.reportsDir))) expect(text, name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('add refuses a file name with a bidirectional control', async () => {
    const space = workspace(false);
    const name = join(space.root, 'report\u202etxt.exe.txt');
    writeFileSync(name, 'Pompeo spoke on Wednesday.\n');
    const result = await cli('add', name, ...runArgs(space));
    expect(result.status).toBe(2);
    expect(oneLine(result.stderr)).toContain('<U+202E>');
    expect(readdirSync(space.corpusDir)).toEqual([]);
  });
});

describe('add into a corpus folder that holds none of the store\'s files', () => {
  it('copies nothing and says to check --corpus and --db, not to pass an option add does not take', async () => {
    const space = await storedSpace();
    const other = join(space.root, 'newdir');
    mkdirSync(other);
    const file = join(space.root, 'new.txt');
    writeFileSync(file, 'A new article\n\nThe council met on Monday and agreed the budget.\n');
    const before = exported(space.dbPath);
    const result = await cli('add', file, '--kind', 'news', '--corpus', other, '--db', space.dbPath, '--reports', space.reportsDir);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/newdir: has no articles, .*nothing was added; check --corpus and --db$/);
    expect(readdirSync(other)).toEqual([]);
    expect(exported(space.dbPath)).toEqual(before);
  });
});
