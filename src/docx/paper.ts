import type { Root } from 'mdast';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';
import { assembleDocx, type Section } from './assemble.js';
import { createBlockContext, markdownToBlocks, type PaperImages } from './blocks.js';
import type { LogoImage } from './logo.js';
import type { BlockSpec } from './spec.js';
import { resolveStyle, type ResolvedStyle } from './style.js';
import { builtInTemplate, type Template } from './template.js';

/** What every document of a run is made with: the council's style, template, logo and SOURCE_DATE_EPOCH. */
export interface DocxSettings {
  style?: CouncilStyle;
  /** The council's own Word template, already read with `readTemplate`. */
  template?: Template;
  logo?: LogoImage;
  sourceDateEpoch?: number;
  /** The Easy Read frame: the built-in template with the Easy Read look (a council's own template is not used). */
  easyRead?: boolean;
}

/** The frame of a run's documents: the template they are written into, and the built-in one styles fall back to. */
export interface Frame {
  template: Template;
  builtIn: Template;
  style: ResolvedStyle;
  /** Word's "Table Grid" style, when the council's template defines it: tables then take its look. */
  tableStyle?: string;
  logo?: LogoImage;
  sourceDateEpoch?: number;
}

/** Builds the frame once for a run: the built-in template for this council, and the council's own if it has one. */
export async function prepareFrame(settings: DocxSettings, council: string, language: string): Promise<Frame> {
  const style = resolveStyle(settings.style, language, settings.easyRead === true);
  const builtIn = await builtInTemplate(style, council);
  // An Easy Read document keeps its own look: a council's template would bring its own sizes and spacing.
  const template = (!settings.easyRead && settings.template) || builtIn;
  const tableStyle = template !== builtIn && template.styles.get('TableGrid') === 'table' ? 'TableGrid' : undefined;
  return {
    template,
    builtIn,
    style,
    ...(tableStyle ? { tableStyle } : {}),
    ...(settings.logo ? { logo: settings.logo } : {}),
    ...(settings.sourceDateEpoch !== undefined ? { sourceDateEpoch: settings.sourceDateEpoch } : {}),
  };
}

/** The logo at the top of a document's first page, with its alternative text. */
export function logoBlock(logo: LogoImage): BlockSpec {
  return {
    kind: 'paragraph',
    spacing: { after: 240 },
    children: [
      {
        kind: 'image',
        name: 'Logo',
        data: logo.data,
        type: logo.type,
        width: logo.width,
        height: logo.height,
        alt: logo.alt,
      },
    ],
  };
}

/** One paper to convert. */
export interface PaperInput {
  markdown: string | Root;
  meta: DocumentMeta;
  /** The file name, for messages. */
  name: string;
  /** The images (charts) its Markdown links to, by file name. */
  images?: PaperImages;
}

/** A paper's blocks, from its Markdown (parsed once, for its own document and a pack). */
export function paperBlocks(frame: Frame, markdown: string | Root, images?: PaperImages): BlockSpec[] {
  return markdownToBlocks(markdown, createBlockContext(frame.style, frame.template.textWidth, images));
}

/**
 * A paper's blocks as DOCX bytes: written into the frame after the logo,
 * with its short title as the running head. Throws a DocxError (exit 2) when
 * the result would fail the accessibility check.
 */
export function paperDocxFromBlocks(
  frame: Frame,
  meta: DocumentMeta,
  name: string,
  blocks: readonly BlockSpec[],
): Uint8Array {
  return assembleDocx(
    assembleInput(
      frame,
      meta,
      [{ blocks: [...(frame.logo ? [logoBlock(frame.logo)] : []), ...blocks], runningHead: meta.shortTitle }],
      name,
    ),
  );
}

/** One Markdown paper as DOCX bytes: see `paperDocxFromBlocks`. */
export function paperDocx(frame: Frame, paper: PaperInput): Uint8Array {
  return paperDocxFromBlocks(frame, paper.meta, paper.name, paperBlocks(frame, paper.markdown, paper.images));
}

/** A document of one section with the template's header as it is (no running head): the built-in template a council starts from. */
export function templateDocx(frame: Frame, paper: PaperInput): Uint8Array {
  const ctx = createBlockContext(frame.style, frame.template.textWidth);
  return assembleDocx(
    assembleInput(frame, paper.meta, [{ blocks: markdownToBlocks(paper.markdown, ctx) }], paper.name),
  );
}

/** The assembly of some sections into the frame. */
export function assembleInput(frame: Frame, meta: DocumentMeta, sections: Section[], name: string) {
  return {
    template: frame.template,
    builtIn: frame.builtIn,
    meta,
    sections,
    name,
    ...(frame.tableStyle ? { tableStyle: frame.tableStyle } : {}),
    ...(frame.sourceDateEpoch !== undefined ? { sourceDateEpoch: frame.sourceDateEpoch } : {}),
  };
}
