import { z } from 'zod';
import { halfId, identifier, isoDate, officer, quarterId, text } from './primitives.js';

/** A Policy and Accountability Committee and the departments it covers. */
export const committeeSchema = z.strictObject({
  id: identifier,
  name: text.meta({ description: 'Full name, e.g. "Economy, Arts, Sports and Public Realm Policy and Accountability Committee".' }),
  departments: z.array(identifier).meta({ description: 'Ids of the departments this committee covers.' }),
  meetings: z
    .record(quarterId, isoDate)
    .optional()
    .meta({ description: 'Meeting date at which each quarter\'s update is considered, keyed by quarter.' }),
});

/** A council department and the officers named on its reports. */
export const departmentSchema = z.strictObject({
  id: identifier,
  name: text,
  director: officer.meta({ description: 'The Responsible Director, by role.' }),
  author: officer.meta({ description: 'The report author, by role.' }),
  contacts: z.array(officer).min(1, { message: 'needs at least one contact officer' }),
});

/** A standing co-production group of residents. */
export const groupSchema = z.strictObject({
  id: identifier,
  name: text,
  department: identifier,
  residentCoChair: z.boolean().meta({ description: 'Whether a resident co-chairs the group.' }),
  host: text.meta({ description: 'The organisation that hosts the group, e.g. the Council or a Disabled People\'s Organisation.' }),
  established: isoDate.optional(),
});

/** One of the council's values or priorities, with how co-production reporting aligns to it. */
export const valueSchema = z.strictObject({
  value: text,
  alignment: text,
});

/** Optional DOCX styling for the council's papers. */
export const styleSchema = z.strictObject({
  font: text.optional(),
  fontSize: z.number().min(12, { message: 'must be at least 12 point for readability' }).max(28).optional(),
  headingColour: z
    .string()
    .regex(/^[0-9A-Fa-f]{6}$/, { message: 'must be a hex colour such as 1F3864' })
    .optional(),
  logo: z
    .strictObject({
      path: text.meta({ description: 'PNG or JPEG file, relative to the data folder.' }),
      alt: text.meta({ description: 'Alternative text read out by screen readers.' }),
      width: z.number().int().min(16).max(600).optional(),
    })
    .optional(),
});

/** The Policy and Oversight Board that receives the biannual summary. */
export const boardSchema = z.strictObject({
  id: identifier,
  name: text,
  author: officer,
  director: officer,
  meetings: z.record(halfId, isoDate).optional(),
});

/** `council.yaml`: who the council is and how its committees are organised. */
export const councilFileSchema = z.strictObject({
  council: z.strictObject({
    name: text,
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default('en-GB'),
    financialYearStart: z
      .number()
      .int()
      .min(1)
      .max(12)
      .default(4)
      .meta({ description: 'Month the financial year starts (4 = April).' }),
    wards: text.default('All'),
    defaultFormat: z.enum(['md', 'docx', 'all']).optional(),
    style: styleSchema.optional(),
  }),
  board: boardSchema,
  committees: z.array(committeeSchema).min(1, { message: 'needs at least one committee' }),
  departments: z.array(departmentSchema).min(1, { message: 'needs at least one department' }),
  values: z.array(valueSchema).default([]),
  groups: z.array(groupSchema).default([]),
  backgroundPapers: z.array(text).default([]),
});

export type CouncilFile = z.infer<typeof councilFileSchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Group = z.infer<typeof groupSchema>;
export type CouncilValue = z.infer<typeof valueSchema>;
export type CouncilStyle = z.infer<typeof styleSchema>;
