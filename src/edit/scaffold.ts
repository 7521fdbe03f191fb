import { slugify } from '../slug.js';
import { yamlLines } from './serialise.js';
import { DEFAULT_STYLE } from './style.js';

/** Folder, inside a new data folder, that holds the JSON Schemas its files point editors at. */
export const SCHEMA_DIR = '.schema';

/** A new council: its name, committees and departments, with ids made from the names. */
export interface CouncilPlan {
  name: string;
  committees: { id: string; name: string; departments: string[] }[];
  departments: { id: string; name: string }[];
}

/** A department as asked for: its name and the committee (by position) that covers it. */
export interface DepartmentRequest {
  name: string;
  committee: number;
}

/** Gives committees and departments unique ids made from their names. */
export function planCouncil(
  name: string,
  committeeNames: readonly string[],
  departments: readonly DepartmentRequest[],
): CouncilPlan {
  const committeeIds = uniqueIds(committeeNames.map(committeeId));
  const departmentIds = uniqueIds(departments.map((d) => departmentId(d.name)));
  return {
    name,
    committees: committeeNames.map((n, i) => ({
      id: committeeIds[i]!,
      name: n,
      departments: departmentIds.filter((_, j) => departments[j]!.committee === i),
    })),
    departments: departments.map((d, i) => ({ id: departmentIds[i]!, name: d.name })),
  };
}

/** An id from a name: `Children's Services` → `childrens-services` (apostrophes do not split words). */
export function idFromName(name: string): string {
  return slugify(name.replace(/['\u2019]/g, ''));
}

/** `Health and Adult Social Care Policy and Accountability Committee` → `health-and-adult-social-care-pac`. */
export function committeeId(name: string): string {
  return idFromName(name).replace(/(^|-)policy-and-accountability-committee$/, '$1pac');
}

/** `The Economy Department` → `economy`. */
export function departmentId(name: string): string {
  return idFromName(name)
    .replace(/^the-(?=.)/, '')
    .replace(/(?<=.)-department$/, '');
}

function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id) => {
    let unique = id;
    for (let n = 2; seen.has(unique); n++) unique = `${id.slice(0, 76)}-${n}`;
    seen.add(unique);
    return unique;
  });
}

const yaml = (value: unknown) => yamlLines(value, DEFAULT_STYLE, 0).join('\n');
const schemaComment = (relative: string) => `# yaml-language-server: $schema=${relative}`;

/** The schema comment on the first line of a file's text, if it has one. */
export function schemaLineOf(text: string): string | undefined {
  return /^# yaml-language-server: \$schema=\S+(?=\r?\n)/.exec(text)?.[0];
}

/** `council.yaml` for a new council, with comments saying what to fill in. */
export function councilYaml(plan: CouncilPlan): string {
  const firstDepartment = plan.departments[0]?.id ?? 'a-department';
  return [
    schemaComment(`${SCHEMA_DIR}/council.schema.json`),
    `# Who the council is, and how its committees are organised. Officers are`,
    `# public post-holders: give each a role, and a name, phone and email if the`,
    `# papers should print them. Residents are never named. Change what follows`,
    `# to your council's, then run \`coprod validate\`.`,
    yaml({ council: { name: plan.name, language: 'en-GB', financialYearStart: 4, wards: 'All' } }),
    '',
    '# The words the papers use for your bodies and area: the kind of committee',
    '# that receives quarterly updates (and what a paper calls it), the board',
    '# above them, and the area (borough, city, county, district).',
    yaml({
      terms: {
        area: 'borough',
        committee: { type: 'Policy and Accountability Committee', word: 'Committee', abbreviation: 'PAC' },
        board: { word: 'Board' },
      },
    }),
    '',
    '# The board above the committees, which receives the biannual summary.',
    yaml({
      board: {
        id: 'pob',
        name: 'Policy and Oversight Board',
        author: { role: 'Strategic Lead for Co-production' },
        director: { role: 'Chief Executive' },
      },
    }),
    '',
    '# Each committee and the departments it covers. To',
    '# date its quarterly updates, add the meeting for each quarter, e.g.',
    '#     meetings:',
    '#       2024/25-Q1: 2024-07-10',
    yaml({ committees: plan.committees }),
    '',
    '# Each department that reports co-production; its activity is recorded in',
    '# activities/<id>.yaml.',
    yaml({
      departments: plan.departments.map((d) => ({
        id: d.id,
        name: d.name,
        director: { role: `Strategic Director, ${d.name}` },
        author: { role: `Co-production Lead, ${d.name}` },
        contacts: [{ role: `Co-production Lead, ${d.name}` }],
      })),
    }),
    '',
    '# Standing co-production groups of Disabled residents, each attached to a',
    '# department, e.g.',
    '#   - id: digital-accessibility-group',
    '#     name: Digital Accessibility Group',
    `#     department: ${firstDepartment}`,
    '#     residentCoChair: true',
    '#     host: the Council',
    'groups: []',
    '',
  ].join('\n');
}

/** `framework.yaml`: the built-in framework's text, with the schema comment in front. */
export function frameworkYaml(builtIn: string): string {
  return `${schemaComment(`${SCHEMA_DIR}/framework.schema.json`)}\n${builtIn}`;
}

/**
 * `activities/<id>.yaml` for a department with no activity yet. `schemaLine`
 * replaces the schema comment, so a file added to an existing folder points
 * where its neighbours do.
 */
export function departmentYaml(department: { id: string; name: string }, schemaLine?: string): string {
  return [
    schemaLine ?? schemaComment(`../${SCHEMA_DIR}/activities.schema.json`),
    `# ${department.name}: co-production activity, one entry per activity, each`,
    '# with an update for every quarter. Add them with `coprod add activity` and',
    '# `coprod add update`, or by hand.',
    yaml({ department: department.id }),
    '',
    'activities: []',
    '',
  ].join('\n');
}
