import type { Io } from '../io/io.js';
import type { Format, Paper } from '../render/papers.js';
import type { CouncilStyle } from '../schema/council.js';

/** A file to write: its name in the output folder and its content. */
export interface PaperFile {
  name: string;
  content: string | Uint8Array;
}

/** What turning papers into files needs: the council's style and Word template, the data folder its logo is in, and the file system and environment. */
export interface PaperOptions {
  style?: CouncilStyle;
  /** The council's Word template, an absolute path. */
  referenceDoc?: string;
  council: string;
  language: string;
  dataDir: string;
  /** The logo and template are read through `fs`; SOURCE_DATE_EPOCH is read from `env`. */
  io: Pick<Io, 'fs' | 'env'>;
}

/** The frame of this run's Word documents: style, template, logo (each read once) and SOURCE_DATE_EPOCH. Loads the docx code. */
export async function docxFrame(options: PaperOptions) {
  // docx is loaded only when Word or PDF output is made, so other commands and --help stay fast.
  const docx = await import('../docx/convert.js');
  const template = options.referenceDoc
    ? await (await import('../docx/reference.js')).loadReferenceDoc(options.referenceDoc, options.io.fs)
    : undefined;
  const logo = await docx.loadLogo(options.style, options.dataDir, options.io.fs);
  const sourceDateEpoch = docx.sourceDateEpochFrom(options.io.env);
  const frame = await docx.prepareFrame(
    {
      ...(options.style ? { style: options.style } : {}),
      ...(template ? { template } : {}),
      ...(logo ? { logo } : {}),
      ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
    },
    options.council,
    options.language,
  );
  return { docx, frame };
}

/** Turns papers into the files to write: Markdown, DOCX made from that same Markdown, PDF made from the DOCX. */
export async function paperFiles(
  papers: readonly Paper[],
  format: Format,
  options: PaperOptions,
): Promise<PaperFile[]> {
  const wantMd = format === 'md' || format === 'all';
  const wantDocx = format === 'docx' || format === 'all' || format === 'pdf';
  let docx: Uint8Array[] | undefined;
  let pdf: Uint8Array[] | undefined;
  if (wantDocx) {
    const { docx: lib, frame } = await docxFrame(options);
    if (format === 'pdf') lib.requireEngine('--format pdf');
    docx = papers.map((paper) =>
      lib.paperDocx(frame, { markdown: paper.markdown, meta: paper.meta, name: `${paper.baseName}.docx` }),
    );
    if (format === 'pdf')
      pdf = lib.docxToPdf(papers.map((paper, i) => ({ name: `${paper.baseName}.docx`, bytes: docx![i]! })));
  }
  return papers.flatMap((paper, i) => [
    ...(wantMd ? [{ name: `${paper.baseName}.md`, content: paper.markdown }] : []),
    ...(docx && format !== 'pdf' ? [{ name: `${paper.baseName}.docx`, content: docx[i]! }] : []),
    ...(pdf ? [{ name: `${paper.baseName}.pdf`, content: pdf[i]! }] : []),
  ]);
}
