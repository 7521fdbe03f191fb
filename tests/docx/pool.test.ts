import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertInThread } from '../../src/docx/board-pack.js';
import type { PaperJob } from '../../src/docx/paper.js';
import type { DocumentMeta } from '../../src/model/common.js';
import { ROOT } from '../helpers/cli.js';

type PoolModule = typeof import('../../src/docx/pool.js');

// Worker threads run the compiled code, so the pool is tested as built (`npm test` builds first).
const built = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

const META: DocumentMeta = { title: 'Paper', subject: 'Co-production', author: 'London Borough of Riverside', language: 'en-GB', shortTitle: 'Paper' };

function job(n: number, markdown: string, meta: Partial<DocumentMeta> = {}): PaperJob {
  return { markdown, meta: { ...META, title: `Paper ${n}`, ...meta }, name: `paper-${n}.docx`, sourceDateEpoch: 1700000000, fragment: true };
}

const long = (n: number) => `# Paper ${n}\n\n${Array.from({ length: 40 * n }, (_, i) => `${i + 1}. item ${i} of paper ${n}`).join('\n')}\n\n| A | B |\n| --- | --- |\n| ${n} | x |\n`;

describe('converting papers in this thread and a worker thread', () => {
  let pools: PoolModule;
  let pool: ReturnType<PoolModule['startPaperPool']>;

  beforeAll(async () => {
    pools = await built<PoolModule>('chunks/paper-pool.js');
    // One worker beside this thread, used however little Markdown there is.
    pool = pools.startPaperPool(1, 0);
  });
  afterAll(() => pool.close());

  it('returns every paper in the order given, byte for byte as converted in this thread', async () => {
    // Sizes out of order, so the largest-first schedule finishes them out of order.
    const jobs = [job(1, long(1)), job(2, long(5)), job(3, '# Paper 3\n\nShort.\n'), job(4, long(3)), job(5, long(2))];
    const [threaded, here] = await Promise.all([pool.convert(jobs), convertInThread(jobs)]);
    expect(threaded).toHaveLength(jobs.length);
    threaded.forEach((result, i) => {
      expect(Buffer.from(result.docx).equals(Buffer.from(here[i]!.docx)), `paper ${i + 1}`).toBe(true);
      expect(result.fragment).toEqual(here[i]!.fragment);
    });
  });

  it('takes papers one at a time, as they are rendered, and returns them in the order added', async () => {
    const jobs = [job(1, long(2)), job(2, long(6)), job(3, '# Paper 3\n\nShort.\n'), job(4, long(1))];
    const batch = pool.open();
    for (const j of jobs) {
      batch.add(j);
      // Rendering the next paper takes a while; the worker may start meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [threaded, here] = [await batch.done(), await convertInThread(jobs)];
    threaded.forEach((result, i) => expect(Buffer.from(result.docx).equals(Buffer.from(here[i]!.docx)), `paper ${i + 1}`).toBe(true));
  });

  it('reports the first failing paper in order, as the accessibility error it was, and keeps working', async () => {
    const jobs = [job(1, long(4)), job(2, '# Paper 2\n\n### Skips a level\n'), job(3, long(2)), job(4, '# Paper 4\n', { title: ' ' })];
    const error = await pool.convert(jobs).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The built pool's classes live in the bundle: that the error is still an environment error (exit 2) is checked end to end in tests/pack.
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('heading-skipped');
    expect((error as Error).message).toMatch(/^paper-2\.docx was not written: the heading "Skips a level" is Heading 3/);
    // The workers are still there for the next batch.
    await expect(pool.convert([job(5, long(1))])).resolves.toHaveLength(1);
  });

  it('passes on any other error with the stack it had in the worker', async () => {
    // This thread takes the largest paper first, so the broken one goes to the worker.
    const broken = { ...job(1, '# Paper 1\n'), meta: undefined } as unknown as PaperJob;
    const error = (await pool.convert([broken, job(2, long(3))]).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.constructor.name).toBe('Error');
    expect(error.stack).toMatch(/convertPaper/);
  });

  it('starts one worker beside this thread on a machine with two or more cores, none on one', () => {
    expect(pools.workersFor(1)).toBe(0);
    expect(pools.workersFor(2)).toBe(1);
    expect(pools.workersFor(16)).toBe(1);
  });
});
