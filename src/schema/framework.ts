import { z } from 'zod';
import { text } from './primitives.js';

/** A measure: "How we will know things are getting better for this recommendation". */
export const measureSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9][0-9]?\.[1-9][0-9]?$/, { message: 'must be written like 5.3' }),
  text: text,
});

/** One recommendation of the Disabled People's Commission. */
export const recommendationSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  title: text,
  plainTitle: text.meta({ description: 'The plain-language title used with residents.' }),
  aim: text,
  measures: z.array(measureSchema).default([]),
});

/** `framework.yaml`: the recommendations activities are measured against. */
export const frameworkFileSchema = z.strictObject({
  framework: z.strictObject({
    name: text,
    source: text.optional(),
    recommendations: z.array(recommendationSchema).min(1),
  }),
});

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Measure = z.infer<typeof measureSchema>;
