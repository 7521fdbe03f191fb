import type { Rule } from '../rule.js';
import { coChairsWithinResidents } from './co-chairs-within-residents.js';
import { coloursHaveContrast } from './colours-have-contrast.js';
import { coProductionHasDecisionRole } from './co-production-has-decision-role.js';
import { committeesHaveDepartment } from './committees-have-department.js';
import { completedHasOutcomes } from './completed-has-outcomes.js';
import { departmentsHaveCommittee } from './departments-have-committee.js';
import { departmentsReported } from './departments-reported.js';
import { endsAfterStart } from './ends-after-start.js';
import { knownDepartments } from './known-departments.js';
import { easyReadLineLength } from './easy-read-line-length.js';
import { knownGroups } from './known-groups.js';
import { knownPictures } from './known-pictures.js';
import { knownReachGroups } from './known-reach-groups.js';
import { knownMeasures } from './known-measures.js';
import { knownRecommendations } from './known-recommendations.js';
import { measuresUnderTheirRecommendation } from './measures-under-their-recommendation.js';
import { oneFilePerDepartment } from './one-file-per-department.js';
import { oneUpdatePerQuarter } from './one-update-per-quarter.js';
import { plansAnswered } from './plans-answered.js';
import { complexWords, hardToRead, socialModelLanguage } from './plain-language.js';
import { plansFollowedUp } from './plans-followed-up.js';
import { reachWithinResidents } from './reach-within-residents.js';
import { recommendationsCovered } from './recommendations-covered.js';
import { servesARecommendation } from './serves-a-recommendation.js';
import { sharedDecisionsRecordReach } from './shared-decisions-record-reach.js';
import { statusOnUpdates } from './status-on-updates.js';
import { uniqueActivityIds } from './unique-activity-ids.js';
import { uniqueCouncilIds } from './unique-council-ids.js';
import { uniqueRecommendationNumbers } from './unique-recommendation-numbers.js';
import { updatesWithinDates } from './updates-within-dates.js';

/**
 * The rules about one quarter: what is missing from it (framework items no
 * activity served, departments with no return, plans due and not followed
 * up). Their warnings change with `--quarter`; every other rule's do not.
 */
export const COVERAGE_RULES: readonly Rule[] = [recommendationsCovered, departmentsReported, plansFollowedUp];

/**
 * Every dataset rule, in the order they run (the output is sorted by position
 * anyway). Add a rule: one file in this folder, one line here (a coverage
 * rule: one line in COVERAGE_RULES).
 */
export const RULES: readonly Rule[] = [
  // references
  uniqueCouncilIds,
  oneFilePerDepartment,
  uniqueActivityIds,
  knownDepartments,
  knownGroups,
  departmentsHaveCommittee,
  committeesHaveDepartment,
  oneUpdatePerQuarter,
  // framework
  uniqueRecommendationNumbers,
  measuresUnderTheirRecommendation,
  knownRecommendations,
  knownMeasures,
  servesARecommendation,
  // dates
  endsAfterStart,
  updatesWithinDates,
  // consistency
  completedHasOutcomes,
  coChairsWithinResidents,
  coProductionHasDecisionRole,
  // reach (who took part)
  knownReachGroups,
  reachWithinResidents,
  sharedDecisionsRecordReach,
  // style (warnings)
  coloursHaveContrast,
  // Easy Read
  knownPictures,
  // history (warnings)
  statusOnUpdates,
  plansAnswered,
  // plain language (warnings)
  socialModelLanguage,
  complexWords,
  hardToRead,
  easyReadLineLength,
  // coverage (warnings)
  ...COVERAGE_RULES,
];
