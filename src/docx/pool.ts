import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConvertPapers } from './board-pack.js';
import { DocxError } from './errors.js';
import { convertPaper, type PaperJob, type PaperResult } from './paper.js';
import type { WorkerReply } from './paper-worker.js';

/** Papers given one at a time, as they are rendered, converted by this thread together with worker threads. */
export interface PaperBatch {
  /** Adds a paper; a worker may start on it at once. */
  add(job: PaperJob): void;
  /** Converts the papers not yet converted, here and in the workers; returns every result in the order the papers were added. */
  done(): Promise<PaperResult[]>;
}

/** Papers converted by this thread together with worker threads. */
export interface PaperPool {
  /** Converts papers, returning their results in the order of `jobs`. */
  convert: ConvertPapers;
  /** A batch to add papers to while they are rendered; one batch at a time. */
  open(): PaperBatch;
  /** Stops the workers; the pool cannot be used again. */
  close(): Promise<void>;
}

/**
 * This thread converts papers too, so on two cores one worker is enough; more
 * would each cost their own start-up and, for a large paper, hundreds of
 * megabytes, and wait for a core.
 */
const MOST_WORKERS = 1;

/**
 * Below a megabyte of Markdown, papers are converted in this thread only: a
 * worker's start-up (loading docx, compiling its code again) costs about as
 * much as it would save.
 */
const SMALL = 1 << 20;

/** The compiled worker beside this module; run from the TypeScript sources (the tests, in-process), there is none. */
const WORKER_URL = new URL('./paper-worker.js', import.meta.url);
const COMPILED = import.meta.url.endsWith('.js');

/** How many workers to start beside this thread: none on a single core. */
export function workersFor(cores = availableParallelism()): number {
  return Math.max(0, Math.min(MOST_WORKERS, cores - 1));
}

/** A failure in a worker, as the error it was there: an accessibility failure stays a DocxError (exit 2, no stack). */
function errorFrom(reply: Extract<WorkerReply, { error: unknown }>['error']): Error {
  if (reply.code !== undefined) return new DocxError(reply.code, reply.message);
  const error = new Error(reply.message);
  error.stack = reply.stack ?? reply.message;
  return error;
}

function size(job: PaperJob): number {
  return typeof job.markdown === 'string' ? job.markdown.length : 0;
}

/** A worker thread and the jobs sent to it, by id. */
interface Slot {
  worker: Worker;
  /** Set once the worker has failed or stopped: it takes no more jobs. */
  failure?: Error;
  closed?: boolean;
  pending: Map<number, (outcome: WorkerReply | Error) => void>;
  nextId: number;
}

function startSlot(): Slot {
  const slot: Slot = { worker: new Worker(WORKER_URL), pending: new Map(), nextId: 0 };
  // A worker keeps the process alive only while it has jobs.
  slot.worker.unref();
  const failAll = (error: Error) => {
    slot.failure ??= error;
    for (const settle of slot.pending.values()) settle(slot.failure);
    slot.pending.clear();
  };
  slot.worker.on('message', (reply: WorkerReply & { id: number }) => {
    const settle = slot.pending.get(reply.id);
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    settle?.(reply);
  });
  slot.worker.on('error', failAll);
  slot.worker.on('exit', (code: number) => {
    if (!slot.closed) failAll(new Error(`a worker thread converting papers stopped (exit code ${code})`));
  });
  return slot;
}

function send(slot: Slot, job: PaperJob): Promise<WorkerReply | Error> {
  if (slot.failure) return Promise.resolve(slot.failure);
  const id = slot.nextId++;
  return new Promise((resolve) => {
    slot.pending.set(id, resolve);
    slot.worker.ref();
    slot.worker.postMessage({ id, job });
  });
}

/**
 * A pool that converts papers in this thread and, once its papers hold
 * `smallest` characters of Markdown or more (a megabyte), in `workers`
 * worker threads beside it, started then. Run from the TypeScript sources
 * there are no workers. Results are the same either way, byte for byte;
 * when papers fail, the error reported is the first failing paper's in the
 * order they were given, as it would be one after another.
 */
export function startPaperPool(workers = workersFor(), smallest = SMALL): PaperPool {
  const slots: Slot[] = [];
  let busy = false;
  const open = (): PaperBatch => {
    if (busy) throw new Error('a paper pool converts one batch at a time');
    busy = true;
    const batch = openBatch(() => {
      while (slots.length < workers) slots.push(startSlot());
      return slots;
    }, COMPILED && workers > 0 ? smallest : Infinity);
    return { add: batch.add, done: () => batch.done().finally(() => void (busy = false)) };
  };
  const convert: ConvertPapers = async (jobs) => {
    // A single paper is converted here: a worker would only add its start-up.
    const batch = jobs.length > 1 ? open() : openAlone();
    for (const job of jobs) batch.add(job);
    return batch.done();
  };
  const openAlone = (): PaperBatch => openBatch(() => [], Infinity);
  const close = async () => {
    for (const slot of slots) slot.closed = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  };
  return { convert, open, close };
}

/** A batch whose workers (from `start`) join once its papers hold `smallest` characters of Markdown. */
function openBatch(start: () => readonly Slot[], smallest: number) {
  const jobs: PaperJob[] = [];
  const results: PaperResult[] = [];
  const queue: number[] = [];
  const runners: Promise<void>[] = [];
  const waiting: (() => void)[] = [];
  let total = 0;
  let closed = false;
  let failed: { index: number; error: Error } | undefined;
  const fail = (index: number, error: Error) => {
    if (!failed || index < failed.index) failed = { index, error };
  };
  const wake = () => {
    for (const resume of waiting.splice(0)) resume();
  };
  // The biggest paper waiting first, so one large paper is not left running alone at the end. After a failure only
  // earlier papers are still converted: one of them may fail too, and is then the one reported.
  const take = (): number | undefined => {
    let best = -1;
    for (let at = 0; at < queue.length; at++) {
      const index = queue[at]!;
      if (failed && index > failed.index) continue;
      if (best === -1 || size(jobs[index]!) > size(jobs[queue[best]!]!)) best = at;
    }
    return best === -1 ? undefined : queue.splice(best, 1)[0];
  };
  const next = async (): Promise<number | undefined> => {
    for (;;) {
      const index = take();
      if (index !== undefined || closed) return index;
      await new Promise<void>((resume) => waiting.push(resume));
    }
  };
  // Each worker has a second paper waiting, so it never sits idle while this thread is busy with a paper of its own.
  const onWorker = async (slot: Slot) => {
    const run = async (): Promise<void> => {
      // Papers given together are all queued before a worker picks the largest.
      await Promise.resolve();
      const index = await next();
      if (index === undefined) return;
      const outcome = await send(slot, jobs[index]!);
      if (outcome instanceof Error) return fail(index, outcome);
      if ('error' in outcome) fail(index, errorFrom(outcome.error));
      else results[index] = outcome.result;
      return run();
    };
    await Promise.all([run(), run()]);
  };
  const inThread = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      try {
        results[index] = await convertPaper(jobs[index]!);
      } catch (error) {
        fail(index, error as Error);
      }
    }
  };
  return {
    add(job: PaperJob) {
      queue.push(jobs.push(job) - 1);
      total += size(job);
      if (runners.length === 0 && total >= smallest) for (const slot of start()) runners.push(onWorker(slot));
      wake();
    },
    async done(): Promise<PaperResult[]> {
      closed = true;
      wake();
      await Promise.all([...runners, inThread()]);
      if (failed) throw failed.error;
      return results;
    },
  };
}
