import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocxError } from './errors.js';

/**
 * Laying documents out with a real engine: LibreOffice, run headless, turns a
 * DOCX into PDF, and poppler's pdftotext reads the PDF's pages back. Used for
 * the Board pack's page numbers and for `--format pdf`.
 */

/** How long one conversion may take before it is given up. */
const TIMEOUT_MS = 300_000;

function hasCommand(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore', timeout: 60_000 }).error === undefined;
}

/** Refuses, with the package to install, when LibreOffice (or, for reading pages, poppler-utils) is missing. */
export function requireEngine(what: string, withPdfText = false): void {
  if (!hasCommand('soffice')) {
    throw new DocxError(
      'no-libreoffice',
      `${what} needs LibreOffice, which is not installed: install it (on Debian or Ubuntu, the package libreoffice-writer-nogui) and run the command again`,
    );
  }
  if (withPdfText && !hasCommand('pdftotext')) {
    throw new DocxError(
      'no-libreoffice',
      `${what} needs pdftotext, which is not installed: install it (on Debian or Ubuntu, the package poppler-utils) and run the command again`,
    );
  }
}

/** PDF export settings: tagged PDF/UA, with bookmarks for the headings. */
const PDF_FILTER =
  'pdf:writer_pdf_Export:' +
  JSON.stringify({
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
    ExportBookmarks: { type: 'boolean', value: 'true' },
    ExportNotes: { type: 'boolean', value: 'false' },
  });

/** Converts DOCX documents to PDF with LibreOffice, in a private profile so that nothing of the user's is read or changed. */
export function docxToPdf(documents: readonly { name: string; bytes: Uint8Array }[]): Uint8Array[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coprod-layout-'));
  try {
    const inputs = documents.map((d, i) => {
      const file = path.join(dir, `${i}-${d.name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      fs.writeFileSync(file, d.bytes);
      return file;
    });
    const out = path.join(dir, 'pdf');
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--norestore',
        '--convert-to',
        PDF_FILTER,
        '--outdir',
        out,
        ...inputs,
      ],
      {
        stdio: 'ignore',
        timeout: TIMEOUT_MS,
      },
    );
    return inputs.map((input, i) => {
      const pdf = path.join(out, `${path.basename(input, path.extname(input))}.pdf`);
      if (result.error || !fs.existsSync(pdf)) {
        throw new DocxError(
          'no-libreoffice',
          `LibreOffice could not lay out ${documents[i]!.name}${result.error ? ` (${result.error.message})` : ''}`,
        );
      }
      return new Uint8Array(fs.readFileSync(pdf));
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF, whitespace collapsed. */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coprod-pages-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 512 * 1024 * 1024,
    });
    if (result.error || result.status !== 0)
      throw new DocxError(
        'no-libreoffice',
        `pdftotext could not read the laid-out pack${result.error ? ` (${result.error.message})` : ''}`,
      );
    // pdftotext ends every page with a form feed.
    const pages = result.stdout.split('\f');
    if (pages.at(-1)?.trim() === '') pages.pop();
    return pages.map((page) => page.replace(/\s+/g, ' ').trim());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page (from 1) on which each running head first appears, in order, each after the last. */
export function firstPages(pages: readonly string[], runningHeads: readonly string[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let from = 0;
  for (const head of runningHeads) {
    const wanted = head.replace(/\s+/g, ' ').trim();
    const at = pages.findIndex((page, i) => i >= from && page.includes(wanted));
    out.push(at < 0 ? undefined : at + 1);
    if (at >= 0) from = at + 1;
  }
  return out;
}

/**
 * Page numbers for a contents page that are right: the document is made,
 * laid out by LibreOffice, and the page where each paper begins (where its
 * running head first appears) is read back; this repeats until the numbers
 * written are the numbers read (the contents page can itself grow).
 */
export function withLaidOutPageNumbers(
  build: (pages: readonly (number | undefined)[]) => Uint8Array,
  runningHeads: readonly string[],
  name: string,
): Uint8Array {
  requireEngine('--page-numbers', true);
  let pages: (number | undefined)[] = runningHeads.map(() => undefined);
  for (let round = 0; round < 4; round++) {
    const bytes = build(pages);
    const found = firstPages(pdfPageTexts(docxToPdf([{ name, bytes }])[0]!), runningHeads);
    if (found.some((p) => p === undefined))
      throw new DocxError('no-libreoffice', `LibreOffice's layout of ${name} did not show where every paper begins`);
    if (found.every((p, i) => p === pages[i])) return bytes;
    pages = found;
  }
  return build(pages);
}
