import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, NEWEST_VERSION, schemaVersion } from '../pipeline/db/migrations.ts';
import { backupPathBefore } from '../pipeline/db/open.ts';
import { digestInputs } from '../pipeline/corpus-state.ts';
import { stageVersions } from '../pipeline/run-pipeline.ts';
import { cli, run, tempDir, workspace } from './helpers.ts';

const SCHEMA_DOC = readFileSync(new URL('../docs/schema.md', import.meta.url), 'utf8');

describe('migrating a new store from two processes', () => {
  it('applies the migrations once when another process migrated it after this one read the version', () => {
    const path = join(tempDir(), 'new.db');
    const mine = new Database(path);
    const theirs = new Database(path);
    // The other process wins the race: it migrates right after this connection reads version 0.
    let raced = false;
    const racing = new Proxy(mine, {
      get(target, property) {
        if (property !== 'pragma') return Reflect.get(target, property, target);
        return (source: string, options?: unknown) => {
          const value = target.pragma(source, options as never);
          if (source === 'user_version' && !raced) {
            raced = true;
            migrate(theirs);
          }
          return value;
        };
      },
    });
    expect(migrate(racing)).toBe(NEWEST_VERSION);
    expect(raced).toBe(true);
    expect(mine.prepare('SELECT count(*) FROM _migrations').pluck().get()).toBe(MIGRATIONS.length);
    mine.close();
    theirs.close();
  });
});

describe('store schema', () => {
  it('documents every table, view and column in docs/schema.md', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'").all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'paragraphs', 'sentences', 'runs', 'sentences_fts']));
    const undocumented: string[] = [];
    for (const table of tables) {
      if (!SCHEMA_DOC.includes(`## ${table}\n`)) undocumented.push(table);
      if (table.endsWith('_fts')) continue;
      for (const { name } of db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]) {
        if (!SCHEMA_DOC.includes(`\`${name}\``)) undocumented.push(`${table}.${name}`);
      }
    }
    db.close();
    expect(undocumented).toEqual([]);
  });

  it('migrates an empty store to the newest version and leaves a current one alone', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    migrate(db);
    expect((db.prepare('SELECT count(*) AS n FROM _migrations').get() as { n: number }).n).toBe(MIGRATIONS.length);
    db.close();
  });

  it('rolls back a failing migration whole, leaving the store as it was', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT no_such_function();' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a store made by a newer version of the program', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this program/);
    db.close();
  });
});

describe('a store written by an older schema version (fixture: schema 4, seeds run, two verdicts)', () => {
  function fixtureStore(): string {
    const path = join(tempDir(), 'narratives.db');
    writeFileSync(path, gunzipSync(readFileSync(new URL('./fixtures/stores/schema-v4.db.gz', import.meta.url))));
    return path;
  }
  const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  const verdicts = (path: string) => {
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT fingerprint, verdict, note FROM reviews ORDER BY id').all();
    db.close();
    return rows;
  };

  it('is left byte for byte untouched when a migration fails', () => {
    const path = fixtureStore();
    const before = fileHash(path);
    const db = new Database(path);
    expect(schemaVersion(db)).toBe(4);
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT no_such_function();' }];
    expect(() => migrate(db, broken)).toThrow(/no such function/);
    db.close();
    expect(fileHash(path)).toBe(before);
  });

  it('is backed up beside itself and upgraded by run, and keeps every verdict', async () => {
    const path = fixtureStore();
    const before = verdicts(path);
    expect(before).toHaveLength(2);
    const space = workspace();
    const { summary } = await run({ ...space, dbPath: path });
    expect(summary.documents.unchanged + summary.documents.reprocessed).toBe(5);

    const backup = new Database(backupPathBefore(path, 4), { readonly: true });
    expect(schemaVersion(backup)).toBe(4);
    expect(backup.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 2 });
    backup.close();
    const upgraded = new Database(path, { readonly: true });
    expect(schemaVersion(upgraded)).toBe(NEWEST_VERSION);
    upgraded.close();

    expect(verdicts(path)).toEqual(before);
    const after = await cli('findings', '--db', path);
    expect(after.stdout).toMatch(/numeric_discrepancy +low +confirmed/);
    expect(after.stdout).toMatch(/denial +high +dismissed/);
  });

  it('names the corpus stages\' inputs by the writes that change them, and no others', async () => {
    const space = workspace();
    await run(space);
    const db = new Database(space.dbPath);
    const inputs = () => digestInputs(db, stageVersions(), space.reportsDir);
    const changes = (sql: string, ...params: unknown[]) => {
      const before = inputs();
      db.prepare(sql).run(...params);
      return inputs() !== before;
    };
    const id = db.prepare('SELECT id FROM documents ORDER BY path LIMIT 1').pluck().get() as string;
    // What the corpus stages write, and updates that leave what they read as it was.
    expect(changes("DELETE FROM findings WHERE kind = 'framing'")).toBe(false);
    expect(changes('UPDATE documents SET kind = kind, title = title WHERE id = ?', id)).toBe(false);
    expect(changes('UPDATE document_files SET file_hash = file_hash')).toBe(false);
    // What they read.
    expect(changes("UPDATE documents SET kind = 'critique' WHERE id = ?", id)).toBe(true);
    expect(changes("UPDATE documents SET published = '2020-08-06' WHERE id = ?", id)).toBe(true);
    expect(changes("UPDATE document_stages SET version = 'old' WHERE document_id = ? AND stage = 'segment'", id)).toBe(true);
    expect(changes("INSERT INTO document_files (path, document_id, file_hash) VALUES ('copy.txt', ?, 'x')", id)).toBe(true);
    expect(changes("DELETE FROM document_files WHERE path = 'copy.txt'")).toBe(true);
    expect(changes("INSERT INTO reviews (fingerprint, lineage, finding_id, verdict, reviewed_at, evidence) VALUES ('f', 'l', 'x', 'confirmed', '2020-01-01', '[]')")).toBe(true);
    expect(changes('DELETE FROM documents WHERE id = ?', id)).toBe(true);
    expect(inputs()).not.toBe(digestInputs(db, stageVersions(), join(space.root, 'other-reports')));
    db.close();
  });
});
