import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Export } from '../pipeline/export.ts';
import { cli, workspace } from './helpers.ts';

const COMMANDS = ['run', 'add', 'search', 'export'];

async function storeOf(space: ReturnType<typeof workspace>) {
  const result = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet');
  expect(result.status).toBe(0);
  return space;
}

describe('CLI', () => {
  it('has --help for every command, and lists every command in the main help', async () => {
    const main = await cli('--help');
    expect(main.status).toBe(0);
    for (const name of COMMANDS) {
      expect(main.stdout).toContain(`  ${name} `);
      const help = await cli(name, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: narratives ${name}`));
    }
  });

  it('rejects an unknown command or flag with exit 2 and one line with a hint', async () => {
    for (const args of [['frobnicate'], ['run', '--colour'], ['search', '--limit', 'many', 'x'], ['export', '--format', 'csv'], ['run', 'extra']]) {
      const result = await cli(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^narratives: .*(see narratives( \w+)? --help)/);
    }
  });

  it('exits 1 with one line when the corpus folder does not exist', async () => {
    const space = workspace(false);
    const result = await cli('run', '--corpus', join(space.root, 'nope'), '--db', space.dbPath, '--reports', space.reportsDir);
    expect(result).toEqual({ status: 1, stdout: '', stderr: `narratives: ${join(space.root, 'nope')}: corpus folder does not exist\n` });
  });

  it('prints a JSON run summary with --json, and 5 unchanged on a rerun', async () => {
    const space = await storeOf(workspace());
    const result = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json');
    const summary = JSON.parse(result.stdout);
    expect(summary.documents).toEqual({ added: 0, changed: 0, reprocessed: 0, unchanged: 5, removed: 0, rejected: 0, duplicates: 0 });
    expect(summary.tables).toMatchObject({ documents: 5, document_files: 5 });
    // Nothing the corpus stages read changed, and the reports are as they were left: they do not run.
    expect(summary.corpusStagesSkipped).toBe(true);
    expect(Object.keys(summary.seconds)).toEqual(['scan', 'store', 'total']);
  });

  it('reruns the corpus stages when a report was deleted or edited, a verdict was recorded, or with --force', async () => {
    const space = await storeOf(workspace());
    const rerun = async (...extra: string[]) => JSON.parse((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json', ...extra)).stdout);
    const timeline = join(space.reportsDir, 'timeline.md');
    const original = readFileSync(timeline, 'utf8');
    rmSync(timeline);
    expect((await rerun()).corpusStagesSkipped).toBe(false);
    expect(readFileSync(timeline, 'utf8')).toBe(original);

    writeFileSync(timeline, 'edited by hand');
    expect((await rerun()).corpusStagesSkipped).toBe(false);
    expect(readFileSync(timeline, 'utf8')).toBe(original);
    expect((await rerun()).corpusStagesSkipped).toBe(true);

    // A verdict changes a finding's status on the findings page.
    const [finding] = JSON.parse((await cli('findings', '--json', '--db', space.dbPath)).stdout) as { id: string }[];
    expect((await cli('review', finding!.id, '--verdict', 'confirmed', '--db', space.dbPath)).status).toBe(0);
    expect((await rerun()).corpusStagesSkipped).toBe(false);
    expect(readFileSync(join(space.reportsDir, 'findings.md'), 'utf8')).toContain(`\`${finding!.id}\``);
    expect(readFileSync(join(space.reportsDir, 'findings.md'), 'utf8')).toMatch(new RegExp(`\`${finding!.id}\` · [^\\n]* · \\*\\*confirmed\\*\\*`));
    // A second verdict that keeps the status still shows on the page: the section's stored copy is not reused.
    expect((await cli('review', finding!.id, '--verdict', 'confirmed', '--note', 'checked against the transcript', '--db', space.dbPath)).status).toBe(0);
    expect((await rerun()).corpusStagesSkipped).toBe(false);
    expect(readFileSync(join(space.reportsDir, 'findings.md'), 'utf8')).toMatch(/Last verdict: \*\*confirmed\*\* by \S+ on /);
    expect(readFileSync(join(space.reportsDir, 'findings.md'), 'utf8')).toContain('— checked against the transcript.');
    expect((await rerun('--force')).corpusStagesSkipped).toBe(false);
  });

  it('search finds sentences with their document and offsets, and nothing from boilerplate', async () => {
    const space = await storeOf(workspace());
    const hits = JSON.parse((await cli('search', 'Huawei contracts', '--db', space.dbPath, '--json')).stdout);
    expect(hits[0]).toMatchObject({ path: '000_a1abb57812357fd8.txt', text: expect.stringContaining('91 commercial contracts worldwide') });
    const { documents } = JSON.parse((await cli('export', '--db', space.dbPath)).stdout) as Export;
    const text = documents.find((d) => d.id === hits[0].doc)!.text;
    expect(text.slice(hits[0].start, hits[0].end)).toBe(hits[0].text);
    for (const query of ['eSIM', '"Post a Comment"', '"Sign up to receive"', 'Douyin', '"Fork Join"']) {
      const result = await cli('search', query, '--db', space.dbPath, '--json');
      expect(JSON.parse(result.stdout), query).toEqual([]);
    }
  });

  it('search reads a query FTS5 cannot parse as its words, taken literally', async () => {
    const space = await storeOf(workspace());
    const texts = async (query: string) => {
      const result = await cli('search', query, '--db', space.dbPath, '--json');
      expect(result.status, `${query}: ${result.stderr}`).toBe(0);
      return (JSON.parse(result.stdout) as { text: string }[]).map((hit) => hit.text);
    };
    for (const text of await texts('U.S.')) expect(text).toMatch(/\bU\.?S\b/);
    expect(await texts('U.S.')).not.toEqual([]);
    expect((await texts('Clean-Network')).some((text) => /clean network/i.test(text))).toBe(true);
    expect((await texts('Krach:')).every((text) => text.includes('Krach'))).toBe(true);
    expect((await texts('"Huawei')).length).toBeGreaterThan(0);
  });

  it('export prints documents and sentences with ids, doc, offsets and text', async () => {
    const space = await storeOf(workspace());
    const data = JSON.parse((await cli('export', '--format', 'json', '--db', space.dbPath)).stdout) as Export;
    expect(data.documents).toHaveLength(5);
    expect(Object.keys(data.documents[0]!)).toEqual(expect.arrayContaining(['id', 'path', 'paths', 'title', 'source', 'kind', 'published', 'language', 'text', 'boilerplate']));
    expect(Object.keys(data.sentences[0]!).sort()).toEqual(['doc', 'end', 'id', 'ordinal', 'paragraph', 'start', 'text']);
    expect(JSON.stringify(data)).not.toContain(space.root);
  });

  it('commands that read the store fail with one line when there is no store', async () => {
    const space = workspace(false);
    const result = await cli('search', 'Huawei', '--db', join(space.root, 'none.db'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`narratives: ${join(space.root, 'none.db')}: no store here; run \`narratives run\` first or pass --db\n`);
  });

  it('add copies a file with its metadata into the corpus and runs incrementally', async () => {
    const space = await storeOf(workspace());
    const article = join(space.root, 'Fudan follow-up.txt');
    writeFileSync(article, 'Fudan follow-up\n\nThe report says the United States has exaggerated the security threats posed by TikTok.\n');
    const result = await cli('add', article, '--kind', 'critique', '--source', 'Example Review', '--published', '2020-09', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).documents).toMatchObject({ added: 1, unchanged: 5 });
    const manifest = parse(readFileSync(join(space.corpusDir, 'manifest.yaml'), 'utf8'));
    expect(manifest['Fudan follow-up.txt']).toEqual({ kind: 'critique', source: 'Example Review', published: '2020-09' });
    expect(manifest['000_a1abb57812357fd8.txt'].kind).toBe('press');
    expect(readFileSync(join(space.corpusDir, 'manifest.yaml'), 'utf8')).toContain('# Metadata for the articles in this folder');
    const { documents } = JSON.parse((await cli('export', '--db', space.dbPath)).stdout) as Export;
    expect(documents.find((d) => d.path === 'Fudan follow-up.txt')).toMatchObject({ kind: 'critique', source: 'Example Review', published: '2020-09', title: 'Fudan follow-up' });
  });

  it('records after an add the inputs a rerun finds, so the rerun skips the corpus stages, with worker threads or without', async () => {
    const space = await storeOf(workspace());
    const rerun = async () => JSON.parse((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json')).stdout) as { corpusStagesSkipped: boolean };
    for (const [name, workers] of [['one.txt', ['--concurrency', '1']], ['two.txt', ['--concurrency', '2', '--workers-from', '1']]] as const) {
      const article = join(space.root, name);
      writeFileSync(article, `A follow-up (${name})\n\nThe report says the United States has exaggerated the security threats posed by TikTok.\n`);
      const added = JSON.parse((await cli('add', article, '--kind', 'critique', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json', ...workers)).stdout);
      expect(added.corpusStagesSkipped).toBe(false);
      expect(Object.keys(added.seconds)).toContain('scan');
      expect((await rerun()).corpusStagesSkipped).toBe(true);
    }
  });

  it('add refuses a bad date or kind before copying anything', async () => {
    const space = workspace(false);
    const article = join(space.root, 'a.txt');
    writeFileSync(article, 'Text.');
    for (const [flag, value, message] of [['--published', 'last week', 'unparseable published date "last week"'], ['--kind', 'opinion', 'unknown kind "opinion"']] as const) {
      const result = await cli('add', article, flag, value, '--corpus', space.corpusDir, '--db', space.dbPath);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(spawnSync('ls', [space.corpusDir]).stdout.toString()).toBe('');
  });

  it('runs as the installed bin, with exit status and JSON on stdout only', () => {
    const space = workspace();
    const stdout = execFileSync(join(import.meta.dirname, '..', 'bin', 'narratives.js'), ['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(stdout).documents.added).toBe(5);
  });
});
