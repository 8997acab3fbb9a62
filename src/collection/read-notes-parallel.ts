/**
 * A big import's files read and parsed on two threads: this one and a worker (import-worker.ts,
 * bundled as dist/import-worker.js). Both take the next file from one shared counter, so neither
 * waits for the other's share; the import stays synchronous (the worker's outcomes are received
 * with receiveMessageOnPort once it signals through shared memory that it is done). Whatever the
 * worker does not deliver (it failed to start, threw, or went silent) is read here, so the
 * outcomes are always those readNotes would give, in task order.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { cachedExampleReader } from './example-files.js';
import { readOneNote, type ReadContext, type ReadOutcome, type ReadTask } from './read-notes.js';

/** Slots of the shared Int32Array. */
export const NEXT = 0;
export const STATE = 1;
export const FINISHED = 2;
/** STATE: the worker has not started; it took over; the main thread finished first (the worker must take nothing). */
export const WAITING = 0;
export const STARTED = 1;
export const CANCELLED = 2;
/** STATE when the worker has posted its outcomes (or its failure). */
export const DONE = 3;

/** What the worker gets. */
export interface WorkerInput {
  tasks: ReadTask[];
  context: ReadContext;
  shared: SharedArrayBuffer;
}

/** What the worker posts: its outcomes by task index, and the error that stopped it, if any. */
export interface WorkerOutput {
  outcomes: Array<[number, ReadOutcome]>;
  error: string | null;
}

/** The worker gives up on being heard from after this long without finishing a file. */
const SILENCE_MS = 30_000;

export interface ParallelOptions {
  /** Called as files are done (by either thread): how many so far. */
  onRead?: (done: number) => void;
  /** Let the worker start before this thread takes a file (tests: so that both read some). */
  waitForWorker?: boolean;
}

/** Reads the tasks on two threads when the worker's file is there (on this one alone otherwise); `byWorker`: how many the worker read. */
export function readNotesInParallel(tasks: ReadTask[], context: ReadContext, options: ParallelOptions = {}): { outcomes: ReadOutcome[]; byWorker: number } {
  const { onRead } = options;
  const outcomes: Array<ReadOutcome | undefined> = new Array(tasks.length);
  const readExample = cachedExampleReader();
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const slots = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  const file = workerFile();
  let worker: Worker | null = null;
  if (file) {
    try {
      worker = new Worker(file, { workerData: { input: { tasks, context, shared } satisfies WorkerInput, port: port2 }, transferList: [port2] });
      worker.unref();
      worker.on('error', () => undefined);
    } catch {
      worker = null;
    }
  }
  if (worker && options.waitForWorker) Atomics.wait(slots, STATE, WAITING, SILENCE_MS);
  let mine = 0;
  for (;;) {
    const index = Atomics.add(slots, NEXT, 1);
    if (index >= tasks.length) break;
    outcomes[index] = readOneNote(tasks[index]!, context, readExample);
    mine++;
    onRead?.(mine + Atomics.load(slots, FINISHED));
  }
  let byWorker = 0;
  if (worker && Atomics.compareExchange(slots, STATE, WAITING, CANCELLED) !== WAITING) {
    // The worker took files: wait for its outcomes while it keeps finishing some.
    let finished = Atomics.load(slots, FINISHED);
    let heard = Date.now();
    while (Atomics.load(slots, STATE) !== DONE) {
      Atomics.wait(slots, STATE, STARTED, 50);
      const now = Atomics.load(slots, FINISHED);
      if (now !== finished) {
        finished = now;
        heard = Date.now();
        onRead?.(mine + finished);
      } else if (Date.now() - heard > SILENCE_MS) break;
    }
    const message = receiveMessageOnPort(port1)?.message as WorkerOutput | undefined;
    for (const [index, outcome] of message?.outcomes ?? []) outcomes[index] = outcome;
    byWorker = message?.outcomes.length ?? 0;
  }
  if (worker) void worker.terminate();
  port1.close();
  // Anything the worker took and did not deliver is read here.
  return { outcomes: outcomes.map((outcome, index) => outcome ?? readOneNote(tasks[index]!, context, readExample)), byWorker };
}

/**
 * `import-worker.js` beside the bundle (dist/, from a chunk in dist/chunks/). Running from
 * source (the tests), the one vitest's setup built in dist/. Null: none, read on one thread.
 */
function workerFile(): URL | null {
  const candidates = import.meta.url.endsWith('.ts') ? ['../../dist/import-worker.js'] : ['./import-worker.js', '../import-worker.js'];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}
