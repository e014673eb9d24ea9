import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../pipeline/db/migrations.ts';

const SCHEMA_DOC = readFileSync(new URL('../docs/schema.md', import.meta.url), 'utf8');

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
