import { z } from 'zod';
import { count, identifier, isoDate, pounds, quarterId, text } from './primitives.js';

export const STAGES = ['design', 'commissioning', 'delivery', 'review'] as const;
export const LEVELS = ['informing', 'consultation', 'engagement', 'co-design', 'co-production'] as const;
export const STATUSES = ['planned', 'in-progress', 'completed', 'paused', 'cancelled'] as const;
export const FOLLOW_UP_RESULTS = ['done', 'in-progress', 'carried-over', 'dropped'] as const;
export const RAG = ['red', 'amber', 'green'] as const;

/** "You said, we did": what residents asked for and what changed because of it. */
export const outcomeSchema = z.strictObject({
  youSaid: text,
  weDid: text,
});

/** A barrier to progress and what is being done about it. */
export const barrierSchema = z.strictObject({
  barrier: text,
  response: text.meta({ description: 'What is being done about it.' }),
});

/** How the plan stated in the previous quarter's update turned out. */
export const followUpSchema = z.strictObject({
  result: z.enum(FOLLOW_UP_RESULTS),
  reason: text.optional(),
});

/** One quarter's update on an activity. Residents are counted, never named. */
export const updateSchema = z.strictObject({
  quarter: quarterId,
  summary: text.meta({ description: 'What happened in the quarter.' }),
  residents: count.meta({ description: 'Number of residents involved (a count; never names).' }),
  coChairs: count.default(0).meta({ description: 'Number of resident co-chairs.' }),
  accessCosts: pounds.default(0).meta({ description: 'Access costs met, in pounds.' }),
  participationFees: pounds.default(0).meta({ description: 'Participation fees paid to residents, in pounds.' }),
  spend: pounds.default(0).meta({ description: 'Other spend on the activity, in pounds.' }),
  reach: z.record(identifier, z.record(identifier, count)).optional().meta({
    description:
      'How many of the residents involved belong to each group council.yaml lists under `reach:`, by dimension: e.g. `age: { aged-16-24: 3, prefer-not-to-say: 1 }`. Counts, never names; each resident at most once per dimension; residents not counted in a dimension are "not recorded".',
  }),
  outcomes: z.array(outcomeSchema).default([]),
  barriers: z.array(barrierSchema).default([]),
  followUp: followUpSchema.optional().meta({
    description:
      'How the plan made in an earlier update (its `next`) went. A plan stays open until an update says this.',
  }),
  next: text.optional().meta({ description: 'What is planned for the next quarter.' }),
  easyRead: text.optional().meta({
    description:
      'One short line for the Easy Read companion (`--easy-read`): what happened or what changed, in 15 words or fewer and everyday words. The companion prints it instead of this update\'s "you said, we did" lines.',
  }),
  rag: z.enum(RAG).optional(),
  status: z.enum(STATUSES).optional().meta({
    description:
      "The activity's status at the end of this quarter. Papers about this quarter show it, whatever happens later.",
  }),
  stage: z
    .enum(STAGES)
    .optional()
    .meta({ description: 'The stage of the policy or service cycle from this quarter on, when it changed.' }),
  level: z
    .enum(LEVELS)
    .optional()
    .meta({ description: 'The level of involvement from this quarter on, when it changed.' }),
});

/** A co-production activity of a department. */
export const activitySchema = z.strictObject({
  id: identifier,
  title: text,
  description: text.optional(),
  group: identifier.optional(),
  recommendations: z.array(z.number().int()).default([]),
  measures: z.array(z.string()).default([]),
  stage: z.enum(STAGES).meta({
    description: 'The stage of the policy or service cycle when the activity started; an update records a change.',
  }),
  level: z
    .enum(LEVELS)
    .meta({ description: 'The level of involvement when the activity started; an update records a change.' }),
  decisionRole: text.optional().meta({ description: 'The decisions residents take or sign off in this activity.' }),
  status: z.enum(STATUSES).optional().meta({
    description:
      'Old shape, kept readable: the status now. Record the status on each update instead, so papers about past quarters stay true.',
  }),
  start: isoDate,
  end: isoDate.optional(),
  wards: z.array(text).optional(),
  updates: z.array(updateSchema).default([]),
});

/** A department's own assessment of its progress against one recommendation in a quarter. */
export const assessmentSchema = z.strictObject({
  quarter: quarterId,
  recommendation: z.number().int(),
  rag: z.enum(RAG).optional(),
  narrative: text,
});

/** A department's activity file: `activities/<department>.yaml`. */
export const activityFileSchema = z.strictObject({
  department: identifier,
  assessments: z
    .array(assessmentSchema)
    .default([])
    .meta({ description: "The department's own assessment of progress against a recommendation in a quarter." }),
  activities: z.array(activitySchema).default([]),
});

export type ActivityFile = z.infer<typeof activityFileSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Update = z.infer<typeof updateSchema>;
export type Assessment = ActivityFile['assessments'][number];
export type Stage = (typeof STAGES)[number];
export type Level = (typeof LEVELS)[number];
export type Status = (typeof STATUSES)[number];
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export type Rag = (typeof RAG)[number];
