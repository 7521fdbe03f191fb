import { formatJson } from '../../diagnostics/json.js';
import { sourceMap } from '../../diagnostics/position.js';
import { formatPretty } from '../../diagnostics/pretty.js';
import { hasEnvironmentProblem, hasErrors } from '../../validate/diagnostic.js';
import { validateFolder } from '../../validate/validate.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { readFolder, requireCommittee, requireQuarter } from '../shared.js';

/**
 * `coprod validate`: every problem in the data in one run, printed as text or
 * JSON on stdout. Exit 0 when there are no errors (warnings allowed), 1 on any
 * error (or any warning with --strict), 2 when the folder or one of its files
 * cannot be opened, or for a bad option.
 */
export const validateCommand: Handler = async (options, _args, io) => {
  const quarter = options['quarter'] !== undefined ? requireQuarter(String(options['quarter'])) : undefined;
  const committee = options['committee'] as string | undefined;
  const folder = await readFolder(String(options['data']), io);
  const result = validateFolder(folder, { ...(quarter ? { quarter } : {}), ...(committee ? { committee } : {}) });
  if (committee !== undefined && result.dataset) requireCommittee(committee, result.dataset.council.committees.map((c) => c.id));

  const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
  if (options['format'] === 'json') io.stdout.write(formatJson(result.diagnostics, { sources }));
  else io.stdout.write(formatPretty(result.diagnostics, { sources, color: useColor(io, io.stdout) }));

  if (hasEnvironmentProblem(result.diagnostics)) return EXIT.USAGE;
  return hasErrors(result.diagnostics, options['strict'] === true) ? EXIT.DATA : EXIT.OK;
};
