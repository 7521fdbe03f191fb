import { formatJson } from '../../diagnostics/json.js';
import { sourceMap } from '../../diagnostics/position.js';
import { formatPretty } from '../../diagnostics/pretty.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { readFolder, requireQuarter } from '../shared.js';
import { validateFolder } from '../../validate/validate.js';

/** `coprod validate`: every problem in one run; exit 1 on errors (or warnings with --strict). */
export const validateCommand: Handler = async (options, _args, io) => {
  const quarter = options['quarter'] !== undefined ? requireQuarter(String(options['quarter'])) : undefined;
  const folder = await readFolder(String(options['data']), io);
  const result = validateFolder(folder, quarter ? { quarter } : {});
  const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
  if (options['format'] === 'json') {
    io.stdout.write(formatJson(result.diagnostics, { sources }));
  } else {
    io.stdout.write(formatPretty(result.diagnostics, { sources, color: useColor(io, io.stdout) }));
  }
  const failed = result.diagnostics.some((d) => d.severity === 'error' || options['strict'] === true);
  return failed ? EXIT.DATA : EXIT.OK;
};
