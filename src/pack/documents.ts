import type { IndexedPaper } from '../render/build-papers.js';
import type { Format } from '../render/papers.js';
import {
  chartFiles,
  docxFrames,
  drawImages,
  htmlFrame,
  imagesOf,
  pageImages,
  type DrawnImages,
  type PaperFile,
  type PaperOptions,
} from '../papers/formats.js';
import { wantsHtml } from '../render/papers.js';
import type { CombinedPack, RenderedPack } from './render.js';

/**
 * Every file of the pack: each paper in the formats asked for, the index and
 * the combined pack, of the formal papers only (the Easy Read companions,
 * when asked for, are files of their own, for residents rather than
 * members). Word and PDF are made only when asked for (loading the docx
 * code); with `pageNumbers` the combined pack is laid out by LibreOffice
 * until the contents page's numbers are the pages where the papers begin.
 */
export async function packFiles(pack: RenderedPack, options: PaperOptions, pageNumbers: boolean): Promise<PaperFile[]> {
  const { papers, format, combined } = pack;
  const word = combined ? await packDocuments(options, papers, combined, format, pageNumbers) : undefined;
  const drawn = word?.drawn ?? (await drawImages(papers, options));
  const extension = format === 'pdf' ? 'pdf' : 'docx';
  const web = wantsHtml(format) ? await htmlFrame(options) : undefined;
  const files: PaperFile[] = papers.flatMap((p, i) => [
    ...(format === 'md' || format === 'all'
      ? [{ name: `${p.baseName}.md`, content: p.markdown }, ...chartFiles(p, drawn)]
      : []),
    ...(word ? [{ name: `${p.baseName}.${extension}`, content: word.papers[i]! }] : []),
    ...(web ? [{ name: `${p.baseName}.html`, content: web.html.paperHtml(web.frame, p, pageImages(p, drawn)) }] : []),
  ]);
  files.push({ name: 'index.md', content: pack.index });
  // The pack as a small website: index.html links every paper by a relative link, ready to upload as a folder.
  if (web)
    files.push({
      name: 'index.html',
      content: web.html.paperHtml(web.frame, { markdown: pack.index, meta: pack.indexMeta }),
    });
  if (word && combined) files.push({ name: combined.name, content: word.combined });
  return files;
}

/** Every paper's Word document (or PDF) and the combined pack. */
async function packDocuments(
  options: PaperOptions,
  papers: readonly IndexedPaper[],
  combined: CombinedPack,
  format: Format,
  pageNumbers: boolean,
): Promise<{ papers: Uint8Array[]; combined: Uint8Array; drawn: DrawnImages }> {
  const { docx, frameOf, textWidth } = await docxFrames(papers, options);
  if (format === 'pdf') docx.requireEngine('--format pdf');
  const drawn = await drawImages(papers, options, textWidth);
  const images = imagesOf(drawn);
  const all = papers.map((paper) => ({
    meta: paper.meta,
    name: `${paper.baseName}.docx`,
    blocks: docx.paperBlocks(frameOf(paper), paper.markdown, images),
  }));
  const own = all.map((paper, i) =>
    docx.paperDocxFromBlocks(frameOf(papers[i]!), paper.meta, paper.name, paper.blocks),
  );
  const inputs = all.filter((_, i) => !papers[i]!.easyRead);
  const frame = frameOf(papers.find((p) => !p.easyRead)!);
  const docxName = combined.name.replace(/\.pdf$/, '.docx');
  const build = (pages: readonly (number | undefined)[]) =>
    docx.boardPackDocx(frame, { ...combined, name: docxName, papers: inputs }, pages);
  const whole = pageNumbers
    ? docx.withLaidOutPageNumbers(
        build,
        inputs.map((p) => p.meta.shortTitle),
        docxName,
      )
    : build([]);
  if (format !== 'pdf') return { papers: own, combined: whole, drawn };
  const pdf = docx.docxToPdf([
    ...all.map((p, i) => ({ name: p.name, bytes: own[i]! })),
    { name: docxName, bytes: whole },
  ]);
  return { papers: pdf.slice(0, -1), combined: pdf.at(-1)!, drawn };
}
