import { halfRange, parseQuarter, quarterRange, type Half } from '../periods/periods.js';
import { formatHalf } from '../periods/periods.js';
import { ukDate } from '../periods/periods.js';
import type { IndexedPaper } from '../render/build-papers.js';
import type { Dataset } from '../validate/dataset.js';
import { termsOf } from '../model/terms.js';
import { meetingDateOf } from '../schema/council.js';

/** A paper as listed on the cover and in the index. */
export interface PackPaperView {
  title: string;
  body: string;
  bodyName: string;
  period: string;
  periodWords: string;
  /** Files written for the paper, in format order. */
  files: { name: string }[];
}

/** What the cover page and `index.md` print. */
export interface PackModel {
  title: string;
  council: string;
  board: string;
  /** What the council calls its board and its committees: "Board", "Policy and Accountability Committee". */
  boardWord: string;
  committeeType: string;
  date: string;
  /** The meeting's time, venue and agenda item, when council.yaml gives them. */
  time: string | undefined;
  venue: string | undefined;
  item: string | undefined;
  period: { id: string; words: string };
  papers: PackPaperView[];
  /** File name of the combined board pack (DOCX or PDF), when one is written. */
  combined: string | undefined;
  /** What the combined pack is: "Word document" or "PDF". */
  combinedKind: string;
  /** Whether the pack has Easy Read companions (`--easy-read`). */
  easyRead: boolean;
}

/**
 * The view model of a board pack's cover and index: a pure function of the
 * data, the half and the papers rendered for it.
 */
export function buildPackModel(
  dataset: Dataset,
  half: Half,
  papers: readonly IndexedPaper[],
  options: { formats: readonly ('md' | 'docx' | 'pdf' | 'html')[]; combined?: string; date?: string },
): PackModel {
  const start = dataset.council.council.financialYearStart;
  const range = halfRange(half, start);
  const terms = termsOf(dataset);
  const planned = dataset.council.board.meetings?.[formatHalf(half)];
  const meeting = options.date ?? meetingDateOf(planned);
  const details = typeof planned === 'object' && options.date === undefined ? planned : undefined;
  return {
    title: `${dataset.council.board.name}: papers on co-production, ${range.words}`,
    council: dataset.council.council.name,
    board: dataset.council.board.name,
    boardWord: terms.board,
    committeeType: terms.committeeType,
    date: meeting ? ukDate(meeting) : 'Date to be confirmed',
    time: details?.time,
    venue: details?.venue,
    item: details?.item,
    period: { id: formatHalf(half), words: range.words },
    papers: papers.map((p) => {
      const quarter = parseQuarter(p.period);
      return {
        title: p.meta.title,
        body: p.body,
        bodyName: p.bodyName,
        period: p.period,
        periodWords: quarter ? quarterRange(quarter, start).words : range.words,
        files: options.formats.map((f) => ({ name: `${p.baseName}.${f}` })),
      };
    }),
    combined: options.combined,
    combinedKind: options.combined?.endsWith('.pdf') ? 'PDF' : 'Word document',
    easyRead: papers.some((p) => p.easyRead === true),
  };
}
