/** Named SQL statements, each prepared the first time a command runs it. */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-store.js';

/** What a table's functions need: its own statements by name, and the connection for the one query built at run time. */
export interface Prepared<Name extends string> {
  stmt(name: Name): Statement;
  readonly db: Db;
}

export class PreparedStatements<Name extends string> implements Prepared<Name> {
  readonly db: Db;
  private readonly sql: Record<Name, string>;
  private readonly statements = new Map<Name, Statement>();

  constructor(db: Db, sql: Record<Name, string>) {
    this.db = db;
    this.sql = sql;
  }

  stmt(name: Name): Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.prepare(this.sql[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }
}

/**
 * For a store module with statements of its own (quiz, optimize, simulate): a function that
 * returns one of them by name, prepared the first time per connection.
 */
export function statementsOf<Name extends string>(sql: Record<Name, string>): (store: { readonly db: Db }, name: Name) => Statement {
  const prepared = new WeakMap<Db, PreparedStatements<Name>>();
  return (store, name) => {
    let statements = prepared.get(store.db);
    if (!statements) {
      statements = new PreparedStatements(store.db, sql);
      prepared.set(store.db, statements);
    }
    return statements.stmt(name);
  };
}
