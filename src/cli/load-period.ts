import type { Io } from '../io/io.js';
import { formatHalf, formatQuarter, quartersOfHalf, type Half, type Quarter } from '../periods/periods.js';
import type { Dataset } from '../validate/dataset.js';
import type { ValidationResult } from '../validate/validate.js';
import type { HalfChoice, QuarterChoice } from '../periods/choice.js';
import { chosenHalf, chosenQuarter, coverageOfHalf, coverageOfQuarter } from './period-option.js';
import { hasDataIn, loadValid } from './shared.js';

/** The validated data and the period a command renders. */
export interface PeriodData<P> {
  dataset: Dataset;
  result: ValidationResult;
  period: P;
}

/**
 * Validates the data for the quarter chosen (`latest` and `previous` read
 * from the data), and makes sure the data has something for it. Undefined,
 * with the reason printed, when there is nothing to render (exit 1).
 */
export async function loadQuarterData(
  io: Io,
  dataDir: string,
  choice: QuarterChoice,
): Promise<PeriodData<Quarter> | undefined> {
  const loaded = await loadValid(io, dataDir, { quarter: coverageOfQuarter(choice) });
  if (!loaded) return undefined;
  const period = chosenQuarter(choice, loaded.result.latest);
  if (!hasDataIn(io, loaded.dataset, { name: formatQuarter(period), quarters: [period] })) return undefined;
  return { ...loaded, period };
}

/** As {@link loadQuarterData}, for a half-year. */
export async function loadHalfData(io: Io, dataDir: string, choice: HalfChoice): Promise<PeriodData<Half> | undefined> {
  const loaded = await loadValid(io, dataDir, { quarter: coverageOfHalf(choice) });
  if (!loaded) return undefined;
  const period = chosenHalf(choice, loaded.result.latest);
  if (!hasDataIn(io, loaded.dataset, { name: formatHalf(period), quarters: quartersOfHalf(period) })) return undefined;
  return { ...loaded, period };
}
