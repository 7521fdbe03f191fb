import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConvertPapers } from './board-pack.js';
import { DocxError } from './errors.js';
import type { PaperJob, PaperResult } from './paper.js';
import type { WorkerReply } from './paper-worker.js';

/** Papers converted in worker threads, started ahead of time so they load docx while the data is validated. */
export interface PaperPool {
  /** Converts papers, returning their results in the order of `jobs`. */
  convert: ConvertPapers;
  /** Stops the workers; the pool cannot be used again. */
  close(): Promise<void>;
}

/**
 * At most two workers: each holds one paper's Word objects at a time, and a
 * large paper's take hundreds of megabytes, so more would cost more memory
 * than the time they save.
 */
const MOST_WORKERS = 2;

/** The compiled worker beside this module; run from the TypeScript sources (the tests, in-process), there is none. */
const WORKER_URL = new URL('./paper-worker.js', import.meta.url);
const COMPILED = import.meta.url.endsWith('.js');

/** How many workers to start on this machine: none on a single core, where a worker only adds its start-up. */
export function workersFor(cores = availableParallelism()): number {
  const count = Math.min(MOST_WORKERS, cores);
  return count < 2 ? 0 : count;
}

/** A failure in a worker, as the error it was there: an accessibility failure stays a DocxError (exit 2, no stack). */
function errorFrom(reply: Extract<WorkerReply, { error: unknown }>['error']): Error {
  if (reply.code !== undefined) return new DocxError(reply.code, reply.message);
  const error = new Error(reply.message);
  error.stack = reply.stack ?? reply.message;
  return error;
}

/** The biggest papers first, so that one large paper is not left running alone at the end. */
function largestFirst(jobs: readonly PaperJob[]): number[] {
  const size = (job: PaperJob) => (typeof job.markdown === 'string' ? job.markdown.length : 0);
  return jobs.map((_, i) => i).sort((a, b) => size(jobs[b]!) - size(jobs[a]!) || a - b);
}

/** One worker thread, and the job it is running. */
interface Slot {
  worker: Worker;
  /** Set once the worker has failed or stopped: it takes no more jobs. */
  failure?: Error;
  closed?: boolean;
  settle?: (outcome: WorkerReply | Error) => void;
}

function startSlot(): Slot {
  const slot: Slot = { worker: new Worker(WORKER_URL) };
  // A worker keeps the process alive only while it has a job.
  slot.worker.unref();
  const end = (outcome: WorkerReply | Error) => {
    const settle = slot.settle;
    slot.settle = undefined;
    settle?.(outcome);
  };
  slot.worker.on('message', (reply: WorkerReply) => end(reply));
  slot.worker.on('error', (error: Error) => end((slot.failure ??= error)));
  slot.worker.on('exit', (code: number) => {
    if (!slot.closed) end((slot.failure ??= new Error(`a worker thread converting papers stopped (exit code ${code})`)));
  });
  return slot;
}

function run(slot: Slot, job: PaperJob): Promise<WorkerReply | Error> {
  if (slot.failure) return Promise.resolve(slot.failure);
  return new Promise((resolve) => {
    slot.settle = (outcome) => {
      slot.worker.unref();
      resolve(outcome);
    };
    slot.worker.ref();
    slot.worker.postMessage(job);
  });
}

/**
 * Starts `size` worker threads for converting papers. With no workers (one
 * core, or run from the TypeScript sources) papers are converted in this
 * thread instead. Results are the same either way, byte for byte; when
 * papers fail, the error reported is the first failing paper's in `jobs`
 * order, as it would be one after another.
 */
export function startPaperPool(size = workersFor()): PaperPool {
  const slots = COMPILED ? Array.from({ length: size }, startSlot) : [];
  let busy = false;
  const convert: ConvertPapers = async (jobs) => {
    if (slots.length === 0) return (await import('./board-pack.js')).convertInThread(jobs);
    if (busy) throw new Error('a paper pool converts one batch at a time');
    busy = true;
    try {
      return await convertOnWorkers(slots, jobs);
    } finally {
      busy = false;
    }
  };
  const close = async () => {
    for (const slot of slots) slot.closed = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  };
  return { convert, close };
}

async function convertOnWorkers(slots: readonly Slot[], jobs: readonly PaperJob[]): Promise<PaperResult[]> {
  const results: PaperResult[] = new Array(jobs.length);
  const queue = largestFirst(jobs);
  let failed: { index: number; error: Error } | undefined;
  const fail = (index: number, error: Error) => {
    if (!failed || index < failed.index) failed = { index, error };
  };
  // After a failure only earlier papers are still converted: one of them may fail too, and is then the one reported.
  const take = () => {
    const at = queue.findIndex((i) => !failed || i < failed.index);
    return at === -1 ? undefined : queue.splice(at, 1)[0];
  };
  await Promise.all(
    slots.map(async (slot) => {
      for (let index = take(); index !== undefined; index = take()) {
        const outcome = await run(slot, jobs[index]!);
        if (outcome instanceof Error) {
          fail(index, outcome);
          return;
        }
        if ('error' in outcome) fail(index, errorFrom(outcome.error));
        else results[index] = outcome.result;
      }
    }),
  );
  if (failed) throw failed.error;
  return results;
}
