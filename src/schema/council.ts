import { z } from 'zod';
import { halfId, identifier, isoDate, officer, quarterId, text } from './primitives.js';

/** A committee that receives a quarterly update, and the departments it covers. */
export const committeeSchema = z.strictObject({
  id: identifier,
  name: text.meta({ description: "The committee's full name, as its papers are addressed." }),
  departments: z.array(identifier).meta({ description: 'Ids of the departments this committee covers.' }),
  meetings: z
    .record(quarterId, isoDate)
    .optional()
    .meta({ description: "Meeting date at which each quarter's update is considered, keyed by quarter." }),
});

/** A council department and the officers named on its reports. */
export const departmentSchema = z.strictObject({
  id: identifier,
  name: text,
  director: officer.meta({ description: 'The Responsible Director.' }),
  author: officer.meta({ description: 'The report author.' }),
  contacts: z.array(officer).min(1, { message: 'needs at least one contact officer' }),
});

/** A standing co-production group of residents. */
export const groupSchema = z.strictObject({
  id: identifier,
  name: text,
  department: identifier,
  residentCoChair: z.boolean().meta({ description: 'Whether a resident co-chairs the group.' }),
  host: text.meta({
    description: "The organisation that hosts the group, e.g. the Council or a Disabled People's Organisation.",
  }),
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
  referenceDoc: text.optional().meta({
    description:
      "The council's Word template (.docx or .dotx made in Word or LibreOffice), relative to the data folder: the papers take its styles, page size, margins, header and footer.",
  }),
  logo: z
    .strictObject({
      path: text.meta({ description: 'PNG or JPEG file, relative to the data folder.' }),
      alt: text.meta({ description: 'Alternative text read out by screen readers.' }),
      width: z.number().int().min(16).max(600).optional(),
    })
    .optional(),
  charts: z.boolean().optional().meta({
    description:
      'Whether the papers have charts of their trends, levels of involvement and coverage, beside the tables that give the same figures (default true; `--no-charts` turns them off for one run).',
  }),
});

/** A board meeting: its date, and for the pack's cover, its time, venue and agenda item when known. */
export const boardMeetingSchema = z.union([
  isoDate,
  z.strictObject({
    date: isoDate,
    time: text.optional().meta({ description: 'e.g. "7pm".' }),
    venue: text.optional().meta({ description: 'e.g. "Committee Room 1, Town Hall".' }),
    item: text.optional().meta({ description: 'The agenda item, e.g. "Item 5".' }),
  }),
]);

/** The board above the committees that receives the biannual summary. */
export const boardSchema = z.strictObject({
  id: identifier,
  name: text.meta({ description: "The board's full name." }),
  author: officer,
  director: officer,
  meetings: z.record(halfId, boardMeetingSchema).optional().meta({
    description:
      "The meeting at which each half's summary is considered: a date, or its date, time, venue and agenda item.",
  }),
});

/** A board meeting's date, from either form. */
export function meetingDateOf(meeting: z.infer<typeof boardMeetingSchema> | undefined): string | undefined {
  return typeof meeting === 'string' ? meeting : meeting?.date;
}

/** The default words: the sample council's. */
const DEFAULT_COMMITTEE_TERMS = { type: 'Policy and Accountability Committee', word: 'Committee', abbreviation: 'PAC' };
const DEFAULT_BOARD_TERMS = { word: 'Board' };

/**
 * The words the papers use for the council's own bodies and area, so that a
 * council with Scrutiny Panels in a city gets papers that name them right.
 */
export const termsSchema = z.strictObject({
  area: text
    .default('borough')
    .meta({ description: "What the council's area is called: borough, city, county, district." }),
  committee: z
    .strictObject({
      type: text.meta({ description: 'The kind of committee that receives quarterly updates, e.g. "Scrutiny Panel".' }),
      plural: text.optional().meta({ description: 'The kind in the plural, when not formed by adding "s".' }),
      word: text.meta({
        description: 'What a paper calls its committee, e.g. "Panel" in "the Panel is asked to note".',
      }),
      abbreviation: text
        .optional()
        .meta({ description: 'Short form, e.g. "PAC"; committee names ending in the kind are shortened with it.' }),
    })
    .default(DEFAULT_COMMITTEE_TERMS),
  board: z
    .strictObject({
      word: text.meta({ description: 'What the summary calls the board, e.g. "Board" or "Commission".' }),
      abbreviation: text.optional(),
    })
    .default(DEFAULT_BOARD_TERMS),
});

/** The categories every reach dimension has without listing them: residents who chose not to say, and those no one asked. */
export const BUILT_IN_REACH_CATEGORIES = ['prefer-not-to-say', 'not-recorded'] as const;

/** One group residents may belong to, within a reach dimension. */
export const reachCategorySchema = z.strictObject({
  id: identifier,
  name: text.meta({
    description:
      'How papers name the group, in the council\'s words: e.g. "Deaf people", "People with a learning disability", "Aged 16 to 24", "By telephone".',
  }),
  population: z.number().min(0).max(100).optional().meta({
    description:
      "The share of the council's Disabled residents in this group, in per cent (for example from the census); papers compare who took part with it.",
  }),
});

/** One way of dividing the residents involved, e.g. by impairment or condition, age band, or how they took part. */
export const reachDimensionSchema = z.strictObject({
  id: identifier,
  name: text.meta({
    description:
      'What the dimension is called in papers, e.g. "Impairment or condition", "Age", "How people took part".',
  }),
  categories: z.array(reachCategorySchema).min(1, { message: 'needs at least one category' }).meta({
    description:
      'The groups, each resident counted in at most one. "Prefer not to say" (`prefer-not-to-say`) and "Not recorded" (`not-recorded`) are always there and need not be listed.',
  }),
  populationSource: text.optional().meta({
    description: 'Where the population shares come from, e.g. "Census 2021, Disabled residents of the borough".',
  }),
});

/** Who the council counts residents by, per update: counts, never names. */
export const reachSchema = z.strictObject({
  dimensions: z.array(reachDimensionSchema).min(1, { message: 'needs at least one dimension' }),
});

/** How papers protect residents: the largest count never published. */
export const privacySchema = z.strictObject({
  smallNumber: z
    .number()
    .int()
    .min(2, { message: 'must be at least 2: "fewer than 2" would say the count is 1' })
    .max(50)
    .default(4)
    .meta({
      description:
        'Counts from 1 to this number are never published: papers say "fewer than" the next number (default 4: "fewer than 5").',
    }),
});

/** The plain-language check (`coprod validate`), which a council can tune or switch off. */
export const languageSchema = z.strictObject({
  off: z
    .array(z.enum(['social-model-language', 'complex-word', 'hard-to-read']))
    .default([])
    .meta({ description: 'Checks to switch off; all three switches the check off.' }),
  allow: z
    .array(text)
    .default([])
    .meta({ description: 'Words and phrases never flagged, e.g. the name of a service.' }),
  phrases: z
    .array(z.strictObject({ find: text, use: text }))
    .default([])
    .meta({ description: 'More phrases to flag, each with the wording to use instead.' }),
});

/**
 * What each picture of the Easy Read companion stands for. The companion
 * picks pictures by topic; a council may choose another icon for a topic.
 */
export const PICTURE_TOPICS = [
  'paper',
  'calendar',
  'people',
  'meeting',
  'list',
  'said',
  'did',
  'warning',
  'fix',
  'next',
  'phone',
  'email',
  'words',
  'money',
  'council',
] as const;
export type PictureTopic = (typeof PICTURE_TOPICS)[number];

/** A Tabler icon's name, as its file is named: `users-group` for users-group.svg. */
export const iconName = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be a Tabler icon name such as users-group' });

/** An icon for a topic: its name, or its name and the alternative text that says what it shows. */
export const pictureChoiceSchema = z.union([
  iconName,
  z.strictObject({
    icon: iconName,
    alt: text.meta({ description: 'What the picture shows, read out by screen readers.' }),
  }),
]);

const pictureShape = Object.fromEntries(
  PICTURE_TOPICS.map((topic) => [topic, pictureChoiceSchema.optional()]),
) as Record<PictureTopic, z.ZodOptional<typeof pictureChoiceSchema>>;

/** The Easy Read companion's own settings: other pictures for its topics, and more hard words. */
export const easyReadSchema = z.strictObject({
  pictures: z.strictObject(pictureShape).default({}).meta({
    description:
      'Another icon of the Tabler set (outline style, named as its file is) for a topic, e.g. `meeting: building-community`, or `{ icon, alt }` to say what it shows too.',
  }),
  hardWords: z.record(text, text).default({}).meta({
    description:
      'More hard words, or other explanations of the built-in ones, e.g. `Civic Campus: The new council building in the town centre.`',
  }),
});

/** `council.yaml`: who the council is and how its committees are organised. */
export const councilFileSchema = z.strictObject({
  council: z.strictObject({
    name: text,
    language: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
      .default('en-GB'),
    financialYearStart: z
      .number()
      .int()
      .min(1)
      .max(12)
      .default(4)
      .meta({ description: 'Month the financial year starts (4 = April).' }),
    wards: text.default('All'),
    defaultFormat: z.enum(['md', 'docx', 'pdf', 'html', 'all']).optional(),
    style: styleSchema.optional(),
  }),
  terms: termsSchema.default({ area: 'borough', committee: DEFAULT_COMMITTEE_TERMS, board: DEFAULT_BOARD_TERMS }),
  board: boardSchema,
  committees: z.array(committeeSchema).min(1, { message: 'needs at least one committee' }),
  departments: z.array(departmentSchema).min(1, { message: 'needs at least one department' }),
  values: z.array(valueSchema).default([]),
  groups: z.array(groupSchema).default([]),
  backgroundPapers: z.array(text).default([]),
  reach: reachSchema.optional().meta({
    description:
      'The groups updates count the residents involved by (counts, never names); papers report them with small numbers hidden.',
  }),
  privacy: privacySchema.default({ smallNumber: 4 }),
  language: languageSchema
    .default({ off: [], allow: [], phrases: [] })
    .meta({ description: "The plain, social-model language check on the data's text." }),
  easyRead: easyReadSchema
    .default({ pictures: {}, hardWords: {} })
    .meta({ description: 'The Easy Read companion (`--easy-read`): its pictures and hard words.' }),
});

export type CouncilFile = z.infer<typeof councilFileSchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Group = z.infer<typeof groupSchema>;
export type CouncilValue = z.infer<typeof valueSchema>;
export type CouncilStyle = z.infer<typeof styleSchema>;
export type Terms = z.infer<typeof termsSchema>;
export type ReachDimension = z.infer<typeof reachDimensionSchema>;
export type ReachCategory = z.infer<typeof reachCategorySchema>;
export type EasyReadSettings = z.infer<typeof easyReadSchema>;
export type PictureChoice = z.infer<typeof pictureChoiceSchema>;
