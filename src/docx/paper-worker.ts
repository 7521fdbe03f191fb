/**
 * A worker thread that converts papers: it receives a PaperJob with an id
 * and replies, with that id, with the paper's DOCX bytes (moved, not copied)
 * and fragment, or with the error that stopped it. Started by `startPaperPool`.
 */
import { parentPort } from 'node:worker_threads';
import { DocxError, type DocxProblem } from './errors.js';
import { convertPaper, type PaperJob, type PaperResult } from './paper.js';

/** What a worker sends back for one job. */
export type WorkerReply = { result: PaperResult } | { error: { message: string; code?: DocxProblem; stack?: string } };

parentPort?.on('message', ({ id, job }: { id: number; job: PaperJob }) => {
  convertPaper(job).then(
    (result) => parentPort!.postMessage({ id, result }, [result.docx.buffer as ArrayBuffer]),
    (error: unknown) => {
      const reply: WorkerReply & { id: number } = {
        id,
        error: error instanceof DocxError ? { message: error.message, code: error.code } : { message: String((error as Error)?.message ?? error), ...((error as Error)?.stack ? { stack: (error as Error).stack! } : {}) },
      };
      parentPort!.postMessage(reply);
    },
  );
});
