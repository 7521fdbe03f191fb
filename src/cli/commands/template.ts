import path from 'node:path';
import { OutputError, UsageError } from '../../errors.js';
import { FileChangedError, writeFileAtomically } from '../../write/atomic.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../handler.js';
import type { TemplateOptions } from '../options.js';
import { loadValid, say } from '../shared.js';

/** A page that shows every style the papers use, for a council to restyle in Word or LibreOffice. */
const SAMPLE = `# Heading 1: the paper's title

This is the Normal style: the body text of every paper. Change the font, size, colour and spacing of each style here, and the page size, margins, header and footer, then save this file and give it to coprod with \`--reference-doc\` or \`style.referenceDoc\` in council.yaml.

## Heading 2: Summary, Recommendations, Detailed analysis

### Heading 3: a numbered section

#### Heading 4: a group within a section

- A bulleted list (List Paragraph)
- Its second item

1. A numbered list
2. Its second item

| A table's header row | Is repeated on every page |
| --- | --- |
| A body row | With [a link](mailto:coproduction@example.org) in the Hyperlink style |
`;

/**
 * `coprod template --out FILE`: writes the built-in Word template, with a
 * sample of every style the papers use, for a council to make its own. It
 * never overwrites a file unless `--force` is given.
 */
export const templateCommand: Handler<TemplateOptions> = async (options, _args, io) => {
  if (options.out === undefined)
    throw new UsageError('--out is needed: the Word file to write, e.g. --out house-style.docx');
  const out = path.resolve(io.cwd, options.out);
  const loaded = await loadValid(io, options.data);
  if (!loaded) return EXIT.DATA;
  const { council } = loaded.dataset.council;
  const docx = await import('../../docx/convert.js');
  const frame = await docx.prepareFrame(
    { ...(council.style ? { style: council.style } : {}) },
    council.name,
    council.language,
  );
  const bytes = docx.templateDocx(frame, {
    markdown: SAMPLE,
    meta: {
      title: `${council.name}: Word template for co-production papers`,
      subject: 'Word template',
      author: council.name,
      language: council.language,
      shortTitle: 'Word template for co-production papers',
    },
    name: path.basename(out),
  });
  const existing = await io.fs.readFile(out).catch(() => null);
  if (existing && options.force !== true)
    throw new OutputError(`${options.out} already exists; coprod does not overwrite it unless you give --force`);
  try {
    await writeFileAtomically(io, out, bytes, existing ? new Uint8Array(existing) : null);
  } catch (error) {
    if (error instanceof FileChangedError)
      throw new OutputError(`${options.out} changed while coprod was writing it; nothing was written`);
    throw error;
  }
  say(
    io,
    `coprod: wrote ${options.out}: the built-in Word template for ${council.name}. Edit its styles, page setup, header and footer, then pass it with --reference-doc.`,
  );
  return EXIT.OK;
};
