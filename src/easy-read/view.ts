import type { Terms } from '../model/terms.js';
import type { EasyReadSettings, PictureTopic } from '../schema/council.js';
import type { EasyReadDocument, EasyReadRow } from './document.js';
import { hardWordsFor, markHardWords, type HardWord, type Part } from './hard-words.js';
import { pictureFor } from './pictures.js';

/** A picture as the templates link it: its file beside the paper, its icon and its alternative text. */
export interface PictureView {
  file: string;
  icon: string;
  alt: string;
}

/** A row as the templates print it: the picture, then the label and words as parts (hard words in bold). */
export interface RowView {
  picture: PictureView;
  lead: Part[];
  parts: Part[];
}

/** What the Easy Read templates are rendered with. */
export interface EasyReadView {
  meta: EasyReadDocument['meta'];
  title: string;
  cover: RowView[];
  sections: { id: string; heading: string; rows: RowView[] }[];
  /** The "Hard words" page, listing only the words the companion uses; undefined when it uses none. */
  hardWords: { heading: string; rows: RowView[] } | undefined;
  /** Every picture the paper links, once each. */
  pictures: PictureView[];
}

/** The heading of the page that explains the hard words. */
export const HARD_WORDS_HEADING = 'Hard words';

/**
 * The view the templates print: each row's picture, chosen by topic (the
 * council's own choice first), as a file named after the paper; hard words in
 * bold where first used, and explained on the "Hard words" page.
 */
export function easyReadView(
  doc: EasyReadDocument,
  terms: Terms,
  settings: EasyReadSettings,
  baseName: string,
): EasyReadView {
  const pictures = new Map<PictureTopic, PictureView>();
  const picture = (topic: PictureTopic): PictureView => {
    let view = pictures.get(topic);
    if (!view) {
      const chosen = pictureFor(topic, settings);
      view = { file: `${baseName}-${topic}.png`, icon: chosen.icon, alt: chosen.alt };
      pictures.set(topic, view);
    }
    return view;
  };
  const rows: EasyReadRow[] = [...doc.cover, ...doc.sections.flatMap((s) => s.rows)];
  const texts = rows.flatMap((r) => [r.lead ?? '', r.text]);
  const { parts, used } = markHardWords(texts, hardWordsFor(terms, settings.hardWords), doc.names);
  let at = 0;
  const rowView = (row: EasyReadRow): RowView => {
    const lead = parts[at++]!;
    const text = parts[at++]!;
    return { picture: picture(row.topic), lead, parts: text };
  };
  const cover = doc.cover.map(rowView);
  const sections = doc.sections.map((s) => ({ id: s.id, heading: s.heading, rows: s.rows.map(rowView) }));
  const hardWords =
    used.length === 0 ? undefined : { heading: HARD_WORDS_HEADING, rows: used.map((w) => hardWordRow(w, picture)) };
  return { meta: doc.meta, title: doc.title, cover, sections, hardWords, pictures: [...pictures.values()] };
}

function hardWordRow(word: HardWord, picture: (topic: PictureTopic) => PictureView): RowView {
  return {
    picture: picture(word.topic),
    lead: [
      { text: word.word, bold: true },
      { text: ':', bold: false },
    ],
    parts: [{ text: word.explanation, bold: false }],
  };
}
