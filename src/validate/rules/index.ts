import type { Rule } from '../rule.js';
import { activityReferences } from './activity-references.js';
import { consistency } from './consistency.js';
import { councilReferences } from './council-references.js';
import { coverage } from './coverage.js';
import { dateOrder } from './date-order.js';
import { frameworkReferences } from './framework-references.js';

/** Every dataset rule, in the order they run. Add a rule: one file, one line here. */
export const RULES: readonly Rule[] = [
  councilReferences,
  activityReferences,
  frameworkReferences,
  dateOrder,
  consistency,
  coverage,
];
