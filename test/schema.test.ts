import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LEGACY_MIGRATIONS } from '../pipeline/db/legacy-migrations.ts';
import { migrate, MIGRATIONS, NEWEST_VERSION, schemaVersion } from '../pipeline/db/migrations.ts';
import { backupPathBefore } from '../pipeline/db/open.ts';
import { digestInputs } from '../pipeline/corpus-state.ts';
import { stageVersions } from '../pipeline/run-pipeline.ts';
import { METADATA_PATH, metadataText, parseSchemaDoc, SCHEMA_DOC_PATH } from '../scripts/metadata.ts';
import { cli, run, tempDir, workspace } from './helpers.ts';

const SCHEMA_DOC = readFileSync(SCHEMA_DOC_PATH, 'utf8');

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
    expect(mine.prepare('SELECT version FROM _migrations').pluck().all()).toEqual([NEWEST_VERSION]);
    mine.close();
    theirs.close();
  });
});

describe('store schema', () => {
  it('describes every table, view and column in docs/schema.md and metadata.json, and nothing the store lacks', () => {
    const db = new Database(':memory:');
    migrate(db);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')").pluck().all() as string[];
    const store = new Map(names.map((name) => [name, db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]]));
    db.close();
    expect([...store.keys()]).toEqual(expect.arrayContaining(['documents', 'sentences', 'sentences_fts', 'figure_details', '_migrations']));
    const doc = parseSchemaDoc(SCHEMA_DOC);
    const metadata = JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as { databases: { narratives: { tables: Record<string, { description: string; columns: Record<string, string> }> } } };
    const shown = metadata.databases.narratives.tables;
    const undescribed: string[] = [];
    for (const [table, columns] of store) {
      if (!doc.tables.get(table)?.description) undescribed.push(`docs: ${table}`);
      if (!shown[table]?.description) undescribed.push(`metadata.json: ${table}`);
      for (const column of columns) {
        if (!doc.tables.get(table)?.columns.get(column)) undescribed.push(`docs: ${table}.${column}`);
        if (!shown[table]?.columns[column]) undescribed.push(`metadata.json: ${table}.${column}`);
      }
    }
    expect(undescribed).toEqual([]);
    // And nothing the store lacks: a table or column described but gone.
    const gone = [...doc.tables].flatMap(([table, { columns }]) => {
      const stored = store.get(table);
      return stored ? [...columns.keys()].filter((column) => !stored.includes(column)).map((column) => `${table}.${column}`) : [table];
    });
    expect(gone).toEqual([]);
  });

  it('writes metadata.json as docs/schema.md now says (npm run metadata)', () => {
    expect(readFileSync(METADATA_PATH, 'utf8')).toBe(metadataText());
  });

  it('migrates an empty store to the newest version and leaves a current one alone', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(NEWEST_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
    migrate(db);
    expect(db.prepare('SELECT version, name FROM _migrations').raw().all()).toEqual([[NEWEST_VERSION, 'baseline']]);
    db.close();
  });

  it('rolls back a failing migration whole, leaving the store as it was', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT no_such_function();' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
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
    expect(changes("UPDATE _document_stages SET version = 'old' WHERE document_id = ? AND stage = 'segment'", id)).toBe(true);
    expect(changes("INSERT INTO document_files (path, document_id, file_hash) VALUES ('copy.txt', ?, 'x')", id)).toBe(true);
    expect(changes("DELETE FROM document_files WHERE path = 'copy.txt'")).toBe(true);
    expect(changes("INSERT INTO reviews (fingerprint, lineage, finding_id, verdict, reviewed_at, evidence) VALUES ('f', 'l', 'x', 'confirmed', '2020-01-01', '[]')")).toBe(true);
    expect(changes('DELETE FROM documents WHERE id = ?', id)).toBe(true);
    expect(inputs()).not.toBe(digestInputs(db, stageVersions(), join(space.root, 'other-reports')));
    db.close();
  });
});

/** A store as the program made it before the baseline: the legacy migrations up to `version`, as they were applied. */
function legacyStore(version: number, path = ':memory:'): Database.Database {
  const db = new Database(path);
  db.exec('CREATE TABLE _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of LEGACY_MIGRATIONS.slice(0, version)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO _migrations VALUES (?, ?, ?)').run(migration.version, migration.name, '2020-01-01T00:00:00.000Z');
  }
  db.pragma(`user_version = ${version}`);
  return db;
}

/** Every schema object's definition, white space normalised, in name order. */
function schemaOf(db: Database.Database): string[] {
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').raw().all() as [string, string, string | null][];
  return rows.map(([type, name, sql]) => `${type} ${name}: ${(sql ?? '').replace(/\s+/g, ' ').trim()}`);
}

function freshSchema(): string[] {
  const db = new Database(':memory:');
  migrate(db);
  const schema = schemaOf(db);
  db.close();
  return schema;
}

describe('a store made before the baseline', () => {
  it('upgrades from every older version to the schema a new store has', () => {
    const fresh = freshSchema();
    for (const { version } of LEGACY_MIGRATIONS) {
      const db = legacyStore(version);
      db.pragma('foreign_keys = ON');
      expect(migrate(db)).toBe(NEWEST_VERSION);
      expect({ version, schema: schemaOf(db) }).toEqual({ version, schema: fresh });
      expect(db.pragma('foreign_keys', { simple: true }), 'foreign keys are enforced again after the upgrade').toBe(1);
      db.close();
    }
  });

  it('keeps every row, moves the internal tables under their `_` names and fills the full-text index again', () => {
    const path = join(tempDir(), 'v4.db');
    writeFileSync(path, gunzipSync(readFileSync(new URL('./fixtures/stores/schema-v4.db.gz', import.meta.url))));
    const db = new Database(path);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' AND name != '_migrations'").pluck().all() as string[];
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const before = new Map(tables.map((table) => [table, count(table)]));
    expect(before.get('sentences')).toBeGreaterThan(0);
    db.pragma('foreign_keys = ON');
    migrate(db);
    const internal = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_%' ESCAPE '\\'").pluck().all() as string[]);
    const after = new Map(tables.map((table) => [table, count(internal.has(`_${table}`) ? `_${table}` : table)]));
    expect(after).toEqual(before);
    expect(schemaOf(db)).toEqual(freshSchema());
    expect(db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'huawei'").pluck().get()).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('sets to null the references its rows hold to rows that are gone, which the baseline declares', () => {
    const db = legacyStore(34);
    db.exec(`INSERT INTO documents (id, path, title, kind, file_metadata, encoding, content_hash, text, word_count, boilerplate_chars) VALUES ('d', 'd.txt', 'D', 'news', '{}', 'utf-8', 'h', 'Ann met Bob.', 3, 0);
      INSERT INTO paragraphs VALUES ('d:p1', 'd', 1, 0, 12, 'Ann met Bob.');
      INSERT INTO sentences (row_id, id, document_id, paragraph_id, ordinal, span_start, span_end, text) VALUES (1, 'd:s0-12', 'd', 'd:p1', 1, 0, 12, 'Ann met Bob.');
      INSERT INTO entities (id, name, type, aliases, roles, mention_count, document_count) VALUES ('ann', 'Ann', 'person', '[]', '[]', 1, 1);
      INSERT INTO mentions (id, document_id, sentence_id, span_start, span_end, text, entity_id, evidence) VALUES ('d:m0-3', 'd', 'd:s0-12', 0, 3, 'Ann', 'ann', '{}'), ('d:m8-11', 'd', 'd:s0-12', 8, 11, 'Bob', 'bob', '{}');`);
    migrate(db);
    expect(db.prepare('SELECT id, entity_id FROM mentions ORDER BY id').raw().all()).toEqual([['d:m0-3', 'ann'], ['d:m8-11', null]]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('drops the rows whose key names a row that is gone, and keeps the tables a user made', () => {
    const db = legacyStore(34);
    // An orphan row as an older version could leave one, its foreign keys unchecked.
    db.pragma('foreign_keys = OFF');
    db.exec(`CREATE TABLE my_notes (note TEXT); INSERT INTO my_notes VALUES ('kept');
      INSERT INTO claim_entities (claim_id, mention_id) VALUES ('no-claim', 'no-mention');`);
    migrate(db);
    expect(db.prepare('SELECT count(*) FROM claim_entities').pluck().get()).toBe(0);
    expect(db.prepare('SELECT note FROM my_notes').pluck().all()).toEqual(['kept']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('references between tables', () => {
  // Columns that name a row of another table without a foreign key, because the row must outlive it.
  const UNREFERENCED = [
    'reviews.finding_id', // a verdict outlives the finding, which every run rewrites
    '_entity_top_pairs.entity_id', // as last rendered: the report replaces them after resolution
    '_entity_top_pairs.other_id',
    '_report_fragment_documents.document_id', // finds the sections that showed a removed document
    '_stale_pages.document_id', // a removed document's page is stale too
    '_reconcile_stale.document_id',
    '_reconcile_documents.document_id', // a removed document's inputs are taken away by the next reconcile
    '_reconcile_claims.document_id',
    '_stem_documents.document_id', // a removed document's counts are subtracted by the next reconcile
    '_term_documents.document_id', // and its terms by the next narratives stage
    '_term_removals.document_id',
  ];

  it('declares a foreign key on every column that holds another row\'s id, but those that must outlive it', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sentences_fts_%'").pluck().all() as string[];
    const unreferenced: string[] = [];
    for (const table of tables) {
      const referencing = new Set(db.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]);
      const ids = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((column) => column.endsWith('_id') && column !== 'row_id');
      unreferenced.push(...ids.filter((column) => !referencing.has(column)).map((column) => `${table}.${column}`));
    }
    db.close();
    expect(unreferenced.sort()).toEqual([...UNREFERENCED].sort());
  });

  it('refuses at commit a mention left pointing at an entity that is gone, and allows repointing it before', async () => {
    const space = workspace();
    await run(space);
    const db = new Database(space.dbPath);
    db.pragma('foreign_keys = ON');
    const [mention, entity] = db.prepare('SELECT id, entity_id FROM mentions WHERE entity_id IS NOT NULL LIMIT 1').raw().get() as [string, string];
    const removeEntity = () => {
      db.prepare('UPDATE _mention_groups SET entity_id = NULL WHERE entity_id = ?').run(entity);
      db.prepare('DELETE FROM entities WHERE id = ?').run(entity);
    };
    expect(() => db.transaction(removeEntity)()).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.prepare('SELECT entity_id FROM mentions WHERE id = ?').pluck().get(mention)).toBe(entity);
    db.transaction(() => {
      removeEntity();
      db.prepare('UPDATE mentions SET entity_id = NULL WHERE entity_id = ?').run(entity);
    })();
    expect(db.prepare('SELECT count(*) FROM entities WHERE id = ?').pluck().get(entity)).toBe(0);
    db.close();
  });
});

describe('the full-text index', () => {
  // How sqlite-utils (Table.detect_fts) and Datasette (detect_fts_sql) find a table's full-text index.
  const DETECT_FTS = `SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content="sentences"%' OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[sentences]%' OR (tbl_name = 'sentences' AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))`;

  it('is declared so that sqlite-utils and Datasette find it as the index of sentences', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.prepare(DETECT_FTS).pluck().all()).toEqual(['sentences_fts']);
    db.close();
  });
});
