#!/usr/bin/env node
/**
 * Writes a synthetic council data folder for benchmarks: the same seed and
 * size always give byte-identical files.
 *
 *   node bench/generate.mjs --size M --out /tmp/council-m
 *   node bench/generate.mjs --activities 250 --seed 7 --out /tmp/council
 *
 * Sizes: S is the sample council (data/, copied); M is 1,000 activities; L is
 * 10,000. Every activity has an update in each of the eight quarters
 * 2021/22-Q3 to 2023/24-Q2, so `report --quarter 2023/24-Q1` and
 * `pack --half 2023/24-H1` have data. Eight committees cover forty
 * departments (fewer for small sizes), one activity file per department.
 * Each update records the activity's status at the end of its quarter (in
 * progress, then the activity's final status in the last); the activity
 * itself records none, as in the sample. As in real data, an update that
 * follows an open plan (an earlier `next:`) almost always says how it went
 * (`followUp:`, which answers the most recent open plan); about one in
 * twenty does not, and that plan stays open.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import {
  BARRIERS,
  COMMITTEES,
  DECISION_ROLES,
  DESCRIPTIONS,
  FOLLOW_UP_REASONS,
  GROUP_NAMES,
  HOSTS,
  NARRATIVES,
  NEXT_PLANS,
  OUTCOMES,
  SUBJECTS,
  SUMMARY_SENTENCES,
  TITLES,
  WARDS,
} from './words.mjs';
import { activityFileYaml, councilYaml } from './council-yaml.mjs';
import { randomTools } from './random.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SAMPLE_DIR = path.join(ROOT, 'data');
/** Marks a folder as written by this generator, so it may be replaced. */
export const MARKER = '.coprod-bench.json';

/** Activities per named size; S is the sample council itself. */
export const SIZES = { S: undefined, M: 1000, L: 10000 };

/** 2021/22-Q3 to 2023/24-Q2: eight quarters ending with the half 2023/24-H1. */
export const QUARTERS = [
  '2021/22-Q3',
  '2021/22-Q4',
  '2022/23-Q1',
  '2022/23-Q2',
  '2022/23-Q3',
  '2022/23-Q4',
  '2023/24-Q1',
  '2023/24-Q2',
];

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function fill(template, slots) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(slots[name]));
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** 1250.5 → "1,250.50"; written out rather than with toLocaleString so output never depends on ICU data. */
function pounds(n) {
  const [whole, pence] = n.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${pence === '00' ? '' : `.${pence}`}`;
}

/** Days since 1970-01-01 → ISO date. */
function isoDay(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The day itself, or the Monday after when it falls at a weekend (day 0, 1970-01-01, was a Thursday). */
function weekday(day) {
  const d = ((day % 7) + 7) % 7;
  return d === 2 ? day + 2 : d === 3 ? day + 1 : day;
}

function dayOf(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86400000);
}

/** First and last day of a financial-year quarter (April start). */
function quarterDays(quarter) {
  const year = Number(quarter.slice(0, 4));
  const n = Number(quarter.slice(-1));
  const startMonth = 3 + (n - 1) * 3; // 0-based month: April = 3
  const start = Date.UTC(year, startMonth, 1) / 86400000;
  const end = Date.UTC(year, startMonth + 3, 0) / 86400000;
  return [start, end];
}

/** The council's shape for `n` activities: departments, committees and groups. */
function planCouncil(n, rnd) {
  const departmentCount = Math.min(40, Math.max(2, Math.ceil(n / 25)));
  const committees = [];
  const departments = [];
  for (const [id, name, depts] of COMMITTEES) {
    const taken = depts.slice(0, Math.max(0, departmentCount - departments.length));
    if (taken.length === 0) break;
    // Meetings a few weeks after each of the last four quarters ends.
    const meetings = QUARTERS.slice(-4).map((q) => [q, isoDay(weekday(quarterDays(q)[1] + rnd.int(20, 50)))]);
    committees.push({
      id,
      name: `${name} Policy and Accountability Committee`,
      departments: taken.map(([d]) => d),
      meetings,
    });
    for (const [deptId, deptName, short] of taken) {
      departments.push({
        id: deptId,
        name: deptName,
        short,
        committee: id,
        groups: [],
        phone: `020 7946 ${pad(rnd.int(0, 9999), 4)}`,
        headOfService: rnd.chance(0.5),
      });
    }
  }
  const groups = [];
  for (const dept of departments) {
    for (const label of rnd.sample(GROUP_NAMES, 3)) {
      const group = {
        id: `${dept.short}-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`,
        name: `${dept.name} ${label}`,
        department: dept.id,
        residentCoChair: rnd.chance(0.8),
        host: rnd.pick(HOSTS),
        established: isoDay(dayOf('2015-01-01') + rnd.int(0, 6 * 365)),
      };
      groups.push(group);
      dept.groups.push(group);
    }
  }
  return { committees, departments, groups };
}

/** Recommendation numbers and measure ids of the framework. */
function readFramework(file) {
  const recommendations = parse(readFileSync(file, 'utf8')).framework.recommendations;
  return {
    numbers: recommendations.map((r) => r.number),
    measures: recommendations.flatMap((r) => (r.measures ?? []).map((m) => m.id)),
    withoutMeasures: recommendations.filter((r) => !r.measures?.length).map((r) => r.number),
  };
}

/** A department's own ratings of its progress: one to three recommendations a quarter. */
function makeAssessments(dept, framework, rnd) {
  return QUARTERS.flatMap((quarter) =>
    rnd.sample(framework.numbers, rnd.int(1, 3)).map((recommendation) => ({
      quarter,
      recommendation,
      rag: rnd.chance(0.85) ? rnd.pick(['green', 'amber', 'amber', 'red']) : undefined,
      narrative: fill(rnd.pick(NARRATIVES), { department: dept.name }),
    })),
  );
}

function makeActivity(dept, seq, framework, rnd) {
  const [subjectId, subject] = rnd.pick(SUBJECTS);
  const group = rnd.chance(0.7) ? rnd.pick(dept.groups) : undefined;
  const level = rnd.weighted([
    ['co-production', 30],
    ['co-design', 30],
    ['engagement', 20],
    ['consultation', 15],
    ['informing', 5],
  ]);
  const status = rnd.weighted([
    ['in-progress', 70],
    ['completed', 15],
    ['paused', 10],
    ['cancelled', 5],
  ]);
  const [firstStart, firstEnd] = quarterDays(QUARTERS[0]);
  const [lastStart, lastEnd] = quarterDays(QUARTERS[QUARTERS.length - 1]);
  const start = isoDay(rnd.int(firstStart - 270, firstEnd));
  const end =
    status === 'completed' || status === 'cancelled'
      ? isoDay(rnd.int(lastStart, lastEnd))
      : rnd.chance(0.2)
        ? isoDay(lastEnd + rnd.int(90, 540))
        : undefined;
  const measures = rnd.chance(0.85) ? rnd.sample(framework.measures, rnd.int(1, 3)) : [];
  const recommendations =
    measures.length === 0 || rnd.chance(0.1)
      ? [rnd.chance(0.5) ? rnd.pick(framework.withoutMeasures) : rnd.pick(framework.numbers)]
      : [];
  // About one co-production activity in thirty records no decision role: the warning real data gives.
  const decisionRole =
    (level === 'co-production' && rnd.chance(0.97)) || (level === 'co-design' && rnd.chance(0.3))
      ? fill(rnd.pick(DECISION_ROLES), { subject })
      : undefined;
  const coChaired = group?.residentCoChair || level === 'co-production';
  const slots = { subject, department: dept.name, group: group ? `The ${group.name}` : 'The project group' };
  // About a third of activities are written in a word processor and pasted in, with typographic apostrophes.
  const typeset = rnd.chance(0.3) ? (t) => t.replace(/'/g, '\u2019') : (t) => t;
  return {
    id: `${dept.short}-${subjectId}-${pad(seq, 4)}`,
    title: capitalise(fill(rnd.pick(TITLES), slots)),
    description: rnd.chance(0.85) ? fill(rnd.pick(DESCRIPTIONS), slots) : undefined,
    group: group?.id,
    recommendations,
    measures,
    stage: rnd.pick(['design', 'commissioning', 'delivery', 'review']),
    level,
    decisionRole,
    start,
    end,
    wards: rnd.chance(0.25) ? rnd.sample(WARDS, rnd.int(1, 3)) : undefined,
    updates: makeUpdates(status, coChaired && decisionRole !== undefined, slots, typeset, rnd),
  };
}

function makeUpdates(status, coChaired, slots, typeset, rnd) {
  const updates = [];
  // Plans made (`next:`) that no update has answered yet; a `followUp:` answers the most recent.
  let openPlans = 0;
  QUARTERS.forEach((quarter, k) => {
    const last = k === QUARTERS.length - 1;
    const residents = rnd.int(3, 30);
    const accessCosts = rnd.int(0, 80) * 10 + (rnd.chance(0.1) ? 0.5 : 0);
    const participationFees = rnd.int(0, 40) * 25;
    const s = {
      ...slots,
      n: residents,
      newcomers: NUMBER_WORDS[rnd.int(1, Math.min(4, residents - 1))],
      meetings: NUMBER_WORDS[rnd.int(2, 6)],
      issues: rnd.int(5, 40),
      surveyed: rnd.int(60, 600),
      percent: rnd.int(5, 40),
      fees: pounds(participationFees),
      access: pounds(accessCosts),
    };
    const text = (template) => typeset(capitalise(fill(template, s)));
    const sentences =
      participationFees > 0 && accessCosts > 0 ? SUMMARY_SENTENCES : SUMMARY_SENTENCES.filter((t) => !t.includes('£'));
    const summary = rnd.sample(sentences, rnd.int(2, 4)).map(text).join(' ');
    const outcomes =
      (last && status === 'completed') || rnd.chance(0.25) ? rnd.sample(OUTCOMES, rnd.chance(0.2) ? 2 : 1) : [];
    const followUp =
      openPlans > 0 && rnd.chance(0.95)
        ? rnd.weighted([
            ['done', 55],
            ['in-progress', 25],
            ['carried-over', 12],
            ['dropped', 8],
          ])
        : undefined;
    const next = !(last && (status === 'completed' || status === 'cancelled')) && rnd.chance(0.85);
    updates.push({
      quarter,
      summary,
      residents,
      coChairs: coChaired ? Math.min(residents, rnd.int(0, 2)) : 0,
      accessCosts,
      participationFees,
      spend: rnd.chance(0.6) ? 0 : rnd.int(1, 500) * 5 + (rnd.chance(0.2) ? 0.75 : 0),
      outcomes: outcomes.map(([youSaid, weDid]) => ({ youSaid: text(youSaid), weDid: text(weDid) })),
      barriers: rnd.chance(0.12) ? [rnd.pick(BARRIERS).map(text)] : [],
      followUp: followUp
        ? {
            result: followUp,
            reason: rnd.chance(followUp === 'done' ? 0.3 : 0.8)
              ? typeset(rnd.pick(FOLLOW_UP_REASONS[followUp]))
              : undefined,
          }
        : undefined,
      next: next ? text(rnd.pick(NEXT_PLANS)) : undefined,
      rag: rnd.chance(0.5)
        ? rnd.weighted([
            ['green', 50],
            ['amber', 35],
            ['red', 15],
          ])
        : undefined,
      // The status at the end of the quarter: in progress until the last, which has the activity's status now.
      status: last ? status : 'in-progress',
    });
    if (followUp) openPlans -= 1;
    if (next) openPlans += 1;
  });
  return updates;
}

/** Empties `out` if it is missing, empty or an earlier generator output; refuses anything else. */
function prepareOut(out) {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${out} is not empty and was not written by bench/generate.mjs; choose another --out`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(path.join(out, 'activities'), { recursive: true });
}

/**
 * Writes a council of `activities` activities into `out` (or, without
 * `activities`, a copy of the sample council). Returns what was written.
 */
export function generateCouncil({ activities, seed = 1, out }) {
  prepareOut(out);
  const files = [];
  const write = (rel, content) => {
    writeFileSync(path.join(out, rel), content);
    files.push({ file: rel, bytes: Buffer.byteLength(content) });
  };
  if (activities === undefined) {
    cpSync(SAMPLE_DIR, out, { recursive: true });
    for (const rel of [
      'council.yaml',
      'framework.yaml',
      ...readdirSync(path.join(out, 'activities')).map((n) => `activities/${n}`),
    ]) {
      files.push({ file: rel, bytes: readFileSync(path.join(out, rel)).length });
    }
  } else {
    const rnd = randomTools(seed);
    const frameworkFile = path.join(SAMPLE_DIR, 'framework.yaml');
    const framework = readFramework(frameworkFile);
    const plan = planCouncil(activities, rnd);
    write('council.yaml', councilYaml(plan));
    write('framework.yaml', readFileSync(frameworkFile, 'utf8'));
    const byDepartment = plan.departments.map(() => []);
    for (let i = 0; i < activities; i++) {
      const d = i % plan.departments.length;
      byDepartment[d].push(makeActivity(plan.departments[d], byDepartment[d].length + 1, framework, rnd));
    }
    plan.departments.forEach((dept, d) =>
      write(
        `activities/${dept.id}.yaml`,
        activityFileYaml(dept, makeAssessments(dept, framework, rnd), byDepartment[d]),
      ),
    );
  }
  const summary = {
    activities: activities ?? null,
    seed: activities === undefined ? null : seed,
    quarters: activities === undefined ? null : QUARTERS.length,
    files: files.length,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    largestFileBytes: Math.max(...files.map((f) => f.bytes)),
  };
  writeFileSync(path.join(out, MARKER), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function parseArgs(argv) {
  const options = { seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--size') options.size = value().toUpperCase();
    else if (arg === '--activities') options.activities = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const USAGE = `usage: node bench/generate.mjs (--size S|M|L | --activities N) [--seed N] --out DIR

Writes a synthetic council data folder (council.yaml, framework.yaml,
activities/<department>.yaml). The same size and seed give the same bytes.
S copies the sample council in data/; M has 1,000 activities; L has 10,000.
`;

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`generate: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.size !== undefined && !(options.size in SIZES)) {
    process.stderr.write(`generate: --size must be S, M or L\n`);
    return 2;
  }
  const activities = options.size !== undefined ? SIZES[options.size] : options.activities;
  if (
    !options.out ||
    (options.size === undefined && !(Number.isInteger(activities) && activities > 0)) ||
    !Number.isInteger(options.seed)
  ) {
    process.stderr.write(USAGE);
    return 2;
  }
  const summary = generateCouncil({ activities, seed: options.seed, out: path.resolve(options.out) });
  process.stdout.write(
    `wrote ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MiB, to ${options.out}\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
