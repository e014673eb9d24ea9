/**
 * Rebuilds a store's schema into the one a script creates, keeping the rows. SQLite's ALTER TABLE
 * cannot add a foreign key, and a column it adds changes the table's stored definition unlike the
 * script's; so each table whose definition differs is made anew from the script and its rows are
 * copied by column name (the procedure of sqlite.org/lang_altertable.html, "other kinds of table
 * schema changes"). A table `_x` of the script takes the rows of a legacy store's `x`, its internal
 * table of the unprefixed name. Tables and indexes the script does not name (a user's own) are kept;
 * an index of one's own on a table rebuilt goes with the table. Runs inside the caller's transaction,
 * with foreign keys off.
 */
import Database from 'better-sqlite3';

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string;
}

/** The schema's objects in creation order, without SQLite's own tables and the FTS tables' shadow tables. */
function objectsOf(db: Database.Database): SchemaObject[] {
  return db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') ORDER BY rowid`,
    )
    .all() as SchemaObject[];
}

/** What `script` creates, read back from a database of its own. */
function objectsOfScript(script: string): SchemaObject[] {
  const scratch = new Database(':memory:');
  try {
    scratch.exec(script);
    return objectsOf(scratch);
  } finally {
    scratch.close();
  }
}

const isVirtual = (object: SchemaObject) => /^CREATE VIRTUAL TABLE/i.test(object.sql);
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Copies the rows of `from` into `to`, by the columns both have, in rowid order where `from` has one. */
function copyRows(db: Database.Database, from: string, to: string): void {
  const columnsOf = (table: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  const source = new Set(columnsOf(from));
  const columns = columnsOf(to).filter((column) => source.has(column)).map(quoted).join(', ');
  const withoutRowid = db.prepare('SELECT wr FROM pragma_table_list(?)').pluck().get(from) === 1;
  db.exec(`INSERT INTO ${quoted(to)} (${columns}) SELECT ${columns} FROM ${quoted(from)}${withoutRowid ? '' : ' ORDER BY rowid'}`);
}

/** Makes `table` as the script defines it, with the rows of the store's table of that name or of its older name. */
function rebuildTable(db: Database.Database, table: SchemaObject, stored: Map<string, string>): void {
  const older = table.name.startsWith('_') ? table.name.slice(1) : undefined;
  let source = stored.has(table.name) ? table.name : older !== undefined && stored.has(older) ? older : undefined;
  if (source === table.name && stored.get(source) === table.sql) return;
  if (source === table.name) {
    source = `${table.name}_before_rebuild`;
    db.exec(`ALTER TABLE ${quoted(table.name)} RENAME TO ${quoted(source)}`);
  }
  db.exec(table.sql);
  if (source === undefined) return;
  copyRows(db, source, table.name);
  db.exec(`DROP TABLE ${quoted(source)}`);
}

/**
 * Clears the references the store's rows hold to rows that are gone (the script may declare foreign keys
 * the store did not): a column that may be null is set to null; a row whose column may not (a key, a
 * NOT NULL column) refers to nothing and goes.
 */
function clearDanglingReferences(db: Database.Database): void {
  const violated = db.prepare('SELECT DISTINCT "table", fkid FROM pragma_foreign_key_check').all() as { table: string; fkid: number }[];
  for (const { table, fkid } of violated) {
    const key = db.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?) WHERE id = ?').get(table, fkid) as { from: string; table: string; to: string };
    const column = db.prepare('SELECT "notnull", pk FROM pragma_table_info(?) WHERE name = ?').get(table, key.from) as { notnull: number; pk: number };
    const dangling = `${quoted(key.from)} NOT IN (SELECT ${quoted(key.to)} FROM ${quoted(key.table)})`;
    if (column.notnull || column.pk) db.exec(`DELETE FROM ${quoted(table)} WHERE ${dangling}`);
    else db.exec(`UPDATE ${quoted(table)} SET ${quoted(key.from)} = NULL WHERE ${dangling}`);
  }
}

/** Rebuilds the store's schema into what `script` creates, keeping the rows of every table the script keeps. */
export function rebuildAs(db: Database.Database, script: string): void {
  const target = objectsOfScript(script);
  // Views and triggers name the tables rebuilt, and full-text tables are filled again from theirs:
  // all are dropped first and made again last. Indexes go with their tables.
  for (const object of objectsOf(db).reverse()) {
    if (object.type === 'view' || object.type === 'trigger' || isVirtual(object)) db.exec(`DROP ${object.type.toUpperCase()} ${quoted(object.name)}`);
  }
  // Renaming a table away must leave the REFERENCES of other tables naming it as they are.
  db.pragma('legacy_alter_table = ON');
  try {
    const stored = () => new Map(objectsOf(db).map((object) => [object.name, object.sql]));
    for (const table of target) if (table.type === 'table' && !isVirtual(table)) rebuildTable(db, table, stored());
  } finally {
    db.pragma('legacy_alter_table = OFF');
  }
  // An object of the script's name made otherwise goes; one the script does not name (a user's own) stays.
  const wanted = new Map(target.map((object) => [object.name, object.sql]));
  for (const object of objectsOf(db)) {
    const differs = wanted.has(object.name) && wanted.get(object.name) !== object.sql;
    if ((object.type === 'table' || object.type === 'index') && differs) db.exec(`DROP ${object.type.toUpperCase()} IF EXISTS ${quoted(object.name)}`);
  }
  const present = new Set(objectsOf(db).map((object) => object.name));
  for (const object of target) if (!present.has(object.name)) db.exec(object.sql);
  for (const object of target) if (isVirtual(object)) db.exec(`INSERT INTO ${quoted(object.name)}(${quoted(object.name)}) VALUES ('rebuild')`);
  clearDanglingReferences(db);
}
