import { z } from 'zod';

/**
 * Shared field types. Custom checks carry a `code` in their params so the
 * validator can turn a zod issue into a diagnostic with a precise code.
 */

/** True when `value` is an ISO `YYYY-MM-DD` date that exists in the calendar. */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** An ISO calendar date, e.g. `2023-06-20`. `2023-02-30` and `30/02/2020` are refused. */
export const isoDate = z
  .string()
  .refine(isRealIsoDate, {
    message: 'must be a real calendar date written YYYY-MM-DD',
    params: { code: 'invalid-date' },
  })
  .meta({ description: 'A calendar date written YYYY-MM-DD, e.g. 2023-06-20.', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** True when `value` is a financial-year quarter such as `2023/24-Q1`, whose two years follow each other. */
export function isQuarterId(value: string): boolean {
  const match = /^(\d{4})\/(\d{2})-Q[1-4]$/.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** A financial-year quarter such as `2023/24-Q1`. */
export const quarterId = z
  .string()
  .refine(isQuarterId, {
    message: 'must be a financial-year quarter written like 2023/24-Q1',
    params: { code: 'invalid-quarter' },
  })
  .meta({
    description:
      'A financial-year quarter, e.g. 2023/24-Q1: the first three months of the financial year that starts in 2023.',
    pattern: '^\\d{4}/\\d{2}-Q[1-4]$',
  });

/** A financial-year half such as `2023/24-H1`. */
export const halfId = z
  .string()
  .regex(/^\d{4}\/\d{2}-H[12]$/, { message: 'must be a half-year written like 2023/24-H1' })
  .meta({
    description:
      'A financial-year half, e.g. 2023/24-H1: the first six months of the financial year that starts in 2023.',
  });

/** An identifier used to refer to a record from elsewhere: lower-case letters, digits and hyphens. */
export const identifier = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    message: 'must be lower-case letters, digits and hyphens, starting with a letter or digit',
  })
  .max(80, { message: 'must be at most 80 characters' });

/** Free text that must not be empty. */
export const text = z.string().trim().min(1, { message: 'must not be empty' });

/**
 * A non-negative whole number of people. One message for one value: a
 * negative or huge number is not also told it is not whole (a number too
 * large to be held exactly, such as 99999999999999999999999, is never whole).
 */
export const count = z
  .number()
  .min(0, { message: 'must not be negative', abort: true })
  .max(1_000_000, { message: 'is implausibly large', abort: true })
  .int({ message: 'must be a whole number' });

/** A non-negative amount of money in pounds. */
export const pounds = z
  .number()
  .min(0, { message: 'must not be negative' })
  .max(1_000_000_000, { message: 'is implausibly large' })
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, {
    message: 'must be in pounds and pence',
    params: { code: 'invalid-value' },
  });

/**
 * An officer named on a paper: a public post-holder, by role and, when the
 * council gives it, by name. Residents are never named.
 */
export const officer = z.strictObject({
  name: text
    .optional()
    .meta({ description: "The officer's name, as committee papers print it (officers are public post-holders)." }),
  role: text.meta({ description: 'Role title, e.g. "Strategic Lead for Co-production".' }),
  team: text.optional(),
  phone: text.optional(),
  email: z.email({ message: 'must be an email address' }).optional(),
});
export type Officer = z.infer<typeof officer>;
