import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, run, workspace } from './helpers.ts';

describe('one writer at a time', () => {
  it('refuses a second run while a live process holds the store, and takes over a dead one’s lock', async () => {
    const space = workspace();
    await run(space);
    const holder = spawn('sleep', ['30']);
    const db = new Database(space.dbPath);
    db.prepare("INSERT INTO runs (started_at, status, pid, options, stage_versions) VALUES ('2026-11-22T14:03:00.000Z', 'running', ?, '{}', '{}')").run(holder.pid);
    db.close();
    try {
      await expect(run(space)).rejects.toThrow(new RegExp(`store is busy: run \\d+ has been writing it since 2026-11-22 14:03 UTC \\(pid ${holder.pid}\\); try again when it ends, or if pid ${holder.pid} is no narratives run, free the store with \`narratives unlock --db .*\`$`));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    const { summary } = await run(space);
    expect(summary.documents.unchanged).toBe(5);
    const statuses = new Database(space.dbPath, { readonly: true });
    expect((statuses.prepare('SELECT status FROM runs ORDER BY id').all() as { status: string }[]).map((row) => row.status)).toEqual(['completed', 'interrupted', 'completed']);
    statuses.close();
  });
});

describe('reports are safe to render', () => {
  it('escapes Markdown and HTML in titles, metadata and text so nothing is injected and tables keep their shape', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, 'hostile.txt'), '# Heading? [click](javascript:alert(1)) <img src=x onerror=alert(2)> | a | b | `code` **bold**\n\nSecond paragraph with a ](javascript:alert(3)) and <script>alert(4)</script>.\n');
    writeFileSync(join(space.corpusDir, 'manifest.yaml'), 'hostile.txt:\n  title: "| pipe [x](javascript:alert(5)) <b onmouseover=alert(6)>"\n  source: "`tick` # hash"\n  kind: news\n');
    await run(space);
    const pages = [join(space.reportsDir, 'index.md'), ...readdirSync(join(space.reportsDir, 'documents')).map((file) => join(space.reportsDir, 'documents', file))];
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      // Escaped (\] and \<) they render as the characters themselves; unescaped they would be a link or a tag.
      expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(text).not.toMatch(/(?<!\\)<(?:img|script|b)\b/);
      // Every row of a table has as many cells as its header: no "|" in the text splits a cell.
      const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      let header: string | undefined;
      for (const line of text.split('\n')) {
        if (!line.startsWith('| ')) header = undefined;
        else if (header === undefined) header = line;
        else expect(cells(line), `${file}: ${line}`).toBe(cells(header));
      }
    }
    const index = readFileSync(join(space.reportsDir, 'index.md'), 'utf8');
    expect(index).toContain('\\| pipe \\[x\\](javascript:alert(5)) \\<b onmouseover=alert(6)\\>');
  });
});

describe('add writes only inside the corpus', () => {
  it('sanitises names (leading dots and dashes, no folders) and keeps spaces, quotes and non-ASCII', async () => {
    const space = workspace(false);
    mkdirSync(join(space.root, 'in'));
    const names = ['-rf "quoted" ü.txt', '..hidden.txt'];
    for (const name of names) writeFileSync(join(space.root, 'in', name), `The council in ${name.length} towns met on Monday.\n`);
    const result = await cli('add', ...names.map((name) => join(space.root, 'in', name)), '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet');
    expect(result.status).toBe(0);
    expect(readdirSync(space.corpusDir).sort()).toEqual(['hidden.txt', 'rf "quoted" ü.txt']);
    expect(readdirSync(space.root).sort()).toEqual(['corpus', 'in', 'out', 'reports']);

    symlinkSync(join(space.root, 'in', '..hidden.txt'), join(space.root, 'link.txt'));
    const refused = await cli('add', join(space.root, 'link.txt'), '--corpus', space.corpusDir, '--db', space.dbPath);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a symbolic link (use --follow-symlinks to copy what it points to)');
  });
});
