/** A command's collection: opened on the database path, closed after the work, whatever happens. */
import { trace } from '../core/index.js';
import { Collection } from '../collection/index.js';

export async function onCollection(databasePath: string, work: (col: Collection) => void | Promise<void>): Promise<void> {
  const col = Collection.open(databasePath);
  trace('database open');
  try {
    await work(col);
  } finally {
    col.close();
  }
}
