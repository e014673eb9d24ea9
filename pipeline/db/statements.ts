/**
 * Prepared statements kept per connection: preparing costs about as much as a small query, and the
 * report asks the same five questions of every document (2,225 times on BBC).
 */
import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared on first use. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let found = statements.get(sql);
  if (!found) statements.set(sql, (found = db.prepare(sql)));
  return found;
}
