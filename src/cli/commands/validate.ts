import { formatChecked } from '../../diagnostics/checked.js';
import { formatJson } from '../../diagnostics/json.js';
import { sourceMap } from '../../diagnostics/position.js';
import { formatPretty } from '../../diagnostics/pretty.js';
import { summarizeChecks } from '../../validate/checked.js';
import { hasEnvironmentProblem, hasErrors } from '../../diagnostics/diagnostic.js';
import { validateFolder } from '../../validate/validate.js';
import { useColor } from '../color.js';
import { requireCommittees } from '../committee-option.js';
import { EXIT } from '../exit.js';
import { coverageOfQuarter, quarterOption } from '../period-option.js';
import type { Handler } from '../handler.js';
import type { ValidateOptions } from '../options.js';
import { readFolder } from '../shared.js';

/**
 * `coprod validate`: every problem in the data in one run, printed as text or
 * JSON on stdout; as text, it ends by saying what it checked. Exit 0 when
 * there are no errors (warnings allowed), 1 on any error (or any warning with
 * --strict), 2 when the folder or one of its files cannot be opened, or for a
 * bad option.
 */
export const validateCommand: Handler<ValidateOptions> = async (options, _args, io) => {
  const data = options.data;
  const choice = options.quarter !== undefined ? await quarterOption(options.quarter, data, io) : undefined;
  const committee = options.committee;
  const folder = await readFolder(data, io);
  const pretty = options.format !== 'json';
  const result = validateFolder(folder, {
    ...(choice ? { quarter: coverageOfQuarter(choice) } : {}),
    ...(committee ? { committee } : {}),
    otherQuarters: pretty,
  });
  if (committee !== undefined && result.dataset) requireCommittees([committee], result.dataset.council);

  const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
  if (!pretty) io.stdout.write(formatJson(result.diagnostics, { sources }));
  else {
    io.stdout.write(formatPretty(result.diagnostics, { sources, color: useColor(io, io.stdout) }));
    io.stdout.write(
      formatChecked(summarizeChecks(folder, result, { data, ...(committee !== undefined ? { committee } : {}) })),
    );
  }

  if (hasEnvironmentProblem(result.diagnostics)) return EXIT.USAGE;
  return hasErrors(result.diagnostics, options.strict === true) ? EXIT.DATA : EXIT.OK;
};
