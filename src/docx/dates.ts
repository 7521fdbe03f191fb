import { UsageError } from '../errors.js';

/**
 * Reads `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds
 * convention) from an environment. Unset or empty gives undefined; anything
 * else that is not a whole number is refused, as the convention asks, rather
 * than silently ignored.
 */
export function sourceDateEpochFrom(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d{1,12}$/.test(raw.trim()))
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (got "${raw}")`);
  return Number(raw.trim());
}

/** The W3CDTF timestamp written as the document's created and modified dates, to the second. */
export function coreTimestamp(sourceDateEpoch: number): string {
  return new Date(sourceDateEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The time stamped on every entry of the DOCX zip. ZIP stores a local
 * wall-clock time with no zone, and fflate reads it from a Date's local
 * fields, so this Date is built from local fields: the bytes are then the
 * same in every time zone. 1980-01-01 00:00 is the earliest time a ZIP entry
 * can hold; being earlier than any real build, it also satisfies the
 * reproducible-builds rule that no timestamp be later than SOURCE_DATE_EPOCH.
 */
export function zipEntryTime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}
