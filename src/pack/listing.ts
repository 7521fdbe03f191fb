import type { IndexedPaper } from '../render/build-papers.js';
import type { PaperFile } from '../papers/formats.js';

/** One file of the pack, as `coprod pack --json` lists it. */
export interface PackEntry {
  file: string;
  kind: IndexedPaper['kind'] | 'chart' | 'picture' | 'index' | 'board-pack';
  body?: string;
  period: string;
  sha256: string;
  status: string;
}

/** What `--json` says of one file: which paper it is, for which body and period, its hash and its status. */
export function describePackFile(
  f: PaperFile,
  status: string,
  papers: readonly IndexedPaper[],
  half: string,
  sha256: (content: string | Uint8Array) => string,
): PackEntry {
  const base = f.name.replace(/\.(md|docx|pdf|html)$/, '');
  const chartOf = papers.find((p) => p.charts?.some((c) => c.file === f.name));
  const pictureOf = papers.find((p) => p.pictures?.some((c) => c.file === f.name));
  const paper = chartOf ?? pictureOf ?? papers.find((p) => p.baseName === base);
  const kind = chartOf
    ? 'chart'
    : pictureOf
      ? 'picture'
      : paper
        ? paper.kind
        : base === 'index'
          ? 'index'
          : 'board-pack';
  return {
    file: f.name,
    kind,
    ...(paper ? { body: paper.body } : {}),
    period: paper?.period ?? half,
    sha256: sha256(f.content),
    status,
  };
}
