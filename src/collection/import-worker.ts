/**
 * The import's second reading thread (dist/import-worker.js; see read-notes-parallel.ts): takes
 * files from the shared counter until none are left, then posts its outcomes and says so in
 * shared memory. It takes nothing if the main thread finished before it started.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { cachedExampleReader } from './example-files.js';
import { readOneNote, type ReadOutcome } from './read-notes.js';
import { DONE, FINISHED, NEXT, STARTED, STATE, WAITING, type WorkerInput, type WorkerOutput } from './read-notes-parallel.js';

const { input, port } = workerData as { input: WorkerInput; port: MessagePort };
const slots = new Int32Array(input.shared);
if (Atomics.compareExchange(slots, STATE, WAITING, STARTED) === WAITING) {
  Atomics.notify(slots, STATE);
  const outcomes: Array<[number, ReadOutcome]> = [];
  let error: string | null = null;
  try {
    const readExample = cachedExampleReader();
    for (;;) {
      const index = Atomics.add(slots, NEXT, 1);
      if (index >= input.tasks.length) break;
      outcomes.push([index, readOneNote(input.tasks[index]!, input.context, readExample)]);
      Atomics.add(slots, FINISHED, 1);
    }
  } catch (caught) {
    // The main thread reads what is missing itself (and meets the same error there).
    error = String(caught);
  }
  port.postMessage({ outcomes, error } satisfies WorkerOutput);
  Atomics.store(slots, STATE, DONE);
  Atomics.notify(slots, STATE);
}
port.close();
