import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import { parseSource } from '../load/source.js';
import {
  coverageQuarterOfHalf,
  halfMonths,
  parseHalfChoice,
  parseQuarterChoice,
  quarterMonths,
  resolveHalf,
  resolveQuarter,
  type HalfChoice,
  type QuarterChoice,
} from '../periods/choice.js';
import { halfRange, monthName, quarterRange, type Half, type Quarter } from '../periods/periods.js';

type Unit = 'quarter' | 'half';

/** `--quarter`: a quarter in any case, `latest` or `previous`; a usage error saying how to write one otherwise. */
export async function quarterOption(value: string | undefined, dataDir: string, io: Io): Promise<QuarterChoice> {
  const choice = value === undefined ? undefined : parseQuarterChoice(value);
  if (choice === undefined) throw new UsageError(await periodProblem('quarter', value, dataDir, io));
  return choice;
}

/** `--half`: a half in any case, `latest` or `previous`; a usage error saying how to write one otherwise. */
export async function halfOption(value: string | undefined, dataDir: string, io: Io): Promise<HalfChoice> {
  const choice = value === undefined ? undefined : parseHalfChoice(value);
  if (choice === undefined) throw new UsageError(await periodProblem('half', value, dataDir, io));
  return choice;
}

/**
 * The period option is missing or not a period: say how to write one, with
 * an example, and what each quarter or half is in months for this council.
 */
async function periodProblem(unit: Unit, value: string | undefined, dataDir: string, io: Io): Promise<string> {
  const start = await financialYearStart(dataDir, io);
  const month = start ?? 4;
  const [flag, letter] = unit === 'quarter' ? ['--quarter', 'Q'] : ['--half', 'H'];
  const example = `2023/24-${letter}1`;
  const form = `a financial-year ${unit} written YYYY/YY-${letter}n, such as ${example}, or latest or previous`;
  const problem = value === undefined ? `${flag} is needed: ${form}.` : `${flag} must be ${form} (got "${value}").`;
  const year =
    start === undefined
      ? 'The financial year starts in April unless council.yaml says otherwise'
      : `This council's financial year starts in ${monthName(month)}`;
  const months = unit === 'quarter' ? quarterMonths(month) : halfMonths(month);
  const exampleMonths = (
    unit === 'quarter' ? quarterRange({ year: 2023, number: 1 }, month) : halfRange({ year: 2023, number: 1 }, month)
  ).words;
  return `${problem}\n${year}: ${months}, so ${example} is ${exampleMonths}. latest is the latest ${unit} with updates, and previous the one before it.`;
}

/** `council.financialYearStart` from the data folder's council.yaml, when it can be read; undefined otherwise. */
async function financialYearStart(dataDir: string, io: Io): Promise<number | undefined> {
  const file = path.resolve(io.cwd, dataDir, 'council.yaml');
  const bytes = await io.fs.readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const data = parseSource(file, bytes).source.data as { council?: { financialYearStart?: unknown } } | undefined;
  const start = data?.council?.financialYearStart ?? 4;
  return typeof start === 'number' && Number.isInteger(start) && start >= 1 && start <= 12 ? start : undefined;
}

/** The quarter asked for, counted from the latest quarter with updates when relative; a usage error when the data has none yet. */
export function chosenQuarter(choice: QuarterChoice, latest: Quarter | undefined): Quarter {
  const quarter = resolveQuarter(choice, latest);
  if (!quarter) throw new UsageError(noUpdatesYet('quarter', choice));
  return quarter;
}

/** The half asked for, counted from the latest quarter with updates when relative; a usage error when the data has none yet. */
export function chosenHalf(choice: HalfChoice, latest: Quarter | undefined): Half {
  const half = resolveHalf(choice, latest);
  if (!half) throw new UsageError(noUpdatesYet('half', choice));
  return half;
}

/** Only a relative choice (latest, previous) can find no quarter. */
function noUpdatesYet(unit: Unit, choice: QuarterChoice | HalfChoice): string {
  const flag = unit === 'quarter' ? '--quarter 2023/24-Q1' : '--half 2023/24-H1';
  return `the data has no quarterly updates yet, so there is no ${typeof choice === 'string' ? choice : 'such'} ${unit}; name one instead, e.g. ${flag}`;
}

/** For `validateFolder`: the quarter whose coverage a quarter's papers are checked for, once the latest quarter with updates is known. */
export function coverageOfQuarter(choice: QuarterChoice): (latest: Quarter | undefined) => Quarter | undefined {
  return (latest) => resolveQuarter(choice, latest);
}

/** For `validateFolder`: the quarter whose coverage a half's papers are checked for, once the latest quarter with updates is known. */
export function coverageOfHalf(choice: HalfChoice): (latest: Quarter | undefined) => Quarter | undefined {
  return (latest) => {
    const half = resolveHalf(choice, latest);
    return half && coverageQuarterOfHalf(half, latest);
  };
}
