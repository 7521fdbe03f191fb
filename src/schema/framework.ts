import { z } from 'zod';
import { text } from './primitives.js';

/** A measure: "How we will know things are getting better for this recommendation". */
export const measureSchema = z.strictObject({
  id: z.string().regex(/^[1-9][0-9]?\.[1-9][0-9]?$/, { message: 'must be written like 5.3' }),
  text: text,
});

/** One item of the framework: a recommendation, commitment or priority. */
export const recommendationSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text,
  plainTitle: text.meta({ description: 'The plain-language title used with residents.' }),
  aim: text,
  measures: z.array(measureSchema).default([]),
});

/** `framework.yaml`: the items (recommendations, commitments …) activities are measured against. */
export const frameworkFileSchema = z.strictObject({
  framework: z.strictObject({
    name: text.meta({ description: 'The framework\'s name, e.g. "Northfield Inclusion Charter".' }),
    shortName: text.optional().meta({ description: 'A short name for headings and tables; the name when not given.' }),
    itemsOf: text.optional().meta({
      description:
        'Whose items they are, as in "the six commitments of …": e.g. "the Northfield Inclusion Charter". Default: "the" and the name.',
    }),
    item: text
      .default('recommendation')
      .meta({ description: 'What one item is called, in lower case: recommendation, commitment, priority.' }),
    itemPlural: text.optional().meta({ description: 'The plural, when not formed by adding "s".' }),
    source: text.optional(),
    recommendations: z
      .array(recommendationSchema)
      .min(1)
      .meta({ description: 'The items, whatever they are called, in order.' }),
  }),
});

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Measure = z.infer<typeof measureSchema>;
