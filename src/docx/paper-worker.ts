/**
 * A worker thread that converts papers: it receives a PaperJob and replies
 * with the paper's DOCX bytes (moved, not copied) and fragment, or with the
 * error that stopped it. Started by `startPaperPool`.
 */
import { parentPort } from 'node:worker_threads';
import { DocxError, type DocxProblem } from './errors.js';
import { convertPaper, type PaperJob, type PaperResult } from './paper.js';

/** What a worker sends back for one job. */
export type WorkerReply = { result: PaperResult } | { error: { message: string; code?: DocxProblem; stack?: string } };

parentPort?.on('message', (job: PaperJob) => {
  convertPaper(job).then(
    (result) => parentPort!.postMessage({ result } satisfies WorkerReply, [result.docx.buffer as ArrayBuffer]),
    (error: unknown) => {
      const reply: WorkerReply = {
        error: error instanceof DocxError ? { message: error.message, code: error.code } : { message: String((error as Error)?.message ?? error), ...((error as Error)?.stack ? { stack: (error as Error).stack! } : {}) },
      };
      parentPort!.postMessage(reply);
    },
  );
});
