import { silentDepartments } from '../model/asks.js';
import { contactsOf } from '../model/common.js';
import { activeIn, figuresFor } from '../model/figures.js';
import { activitiesOf, type Lookup } from '../model/lookup.js';
import type { SummaryModel } from '../model/summary.js';
import { formatMoney } from '../model/words.js';
import { plainCommitteeName } from '../model/terms.js';
import {
  changeRows,
  companionMeta,
  coProductionRow,
  contactRows,
  count,
  coverRows,
  frameworkRow,
  hasChange,
  LIMITS,
  section,
  type EasyReadDocument,
  type EasyReadRow,
} from './document.js';

/**
 * The Easy Read companion to the board's biannual summary, from the same
 * view model: the half's counts, each committee's share of the work, a few
 * "you said, we did", what did not go well, and what happens next.
 */
export function easyReadSummary(model: SummaryModel, lookup: Lookup): EasyReadDocument {
  const { terms, half, board } = model;
  const committees = lookup.dataset.council.committees;
  return {
    meta: companionMeta(`${board.name}: Easy Read summary`, half.words, model.meta),
    title: `Working with Disabled residents: ${half.words}`,
    cover: coverRows(model.council.name, board.name, half.words),
    sections: [
      section('about', [
        coProductionRow(),
        {
          topic: 'meeting',
          text: `This report is for the ${terms.board}. The ${terms.board} is a group of councillors.`,
        },
        {
          topic: 'meeting',
          text: `Each ${terms.committee} checks part of the council's work. This report puts their reports together.`,
        },
        frameworkRow(terms),
      ]),
      section('did', didRows(model, lookup)),
      section('changed', changedRows(model, lookup)),
      section('problems', problemRows(model, lookup)),
      section('next', [
        ...(model.header.dateConfirmed
          ? [
              {
                topic: 'calendar' as const,
                text: `The ${terms.board} will talk about this report on ${model.header.date}.`,
              },
            ]
          : []),
        { topic: 'meeting', text: `Each ${terms.committee} will keep getting a report every 3 months.` },
        { topic: 'paper', text: `The next report to the ${terms.board} will be in 6 months.` },
      ]),
      // The board's report author first, then the departments' contacts: the first with a telephone or email.
      section(
        'contact',
        contactRows([
          ...model.contacts,
          ...contactsOf(
            lookup,
            lookup.dataset.council.departments.map((d) => d.id),
          ),
        ]),
      ),
    ],
    names: [
      model.council.name,
      board.name,
      ...committees.flatMap((c) => [c.name, plainCommitteeName(c.name, terms)]),
      ...lookup.dataset.council.departments.map((d) => d.name),
      terms.frameworkName,
      terms.frameworkOf,
    ],
  };
}

function didRows(model: SummaryModel, lookup: Lookup): EasyReadRow[] {
  const { figures, terms, half, quarters, progress } = model;
  if (figures.activities === 0)
    return [{ topic: 'people', text: `We have no work with Disabled residents to report for ${half.words}.` }];
  const ids = quarters.map((q) => q.id);
  const committees = lookup.dataset.council.committees;
  const rows: EasyReadRow[] = [
    {
      topic: 'people',
      text: `We worked with Disabled residents on ${count(figures.activities, 'activity', 'activities')}. Residents took part ${count(figures.residents, 'time')} in all.`,
    },
    ...committees.slice(0, LIMITS.committees).map((c): EasyReadRow => {
      const n = figuresFor(activitiesOf(lookup, c.departments), ids).activities;
      return {
        topic: 'meeting',
        text:
          n === 0
            ? `The ${plainCommitteeName(c.name, terms)} had no activities to report.`
            : `The ${plainCommitteeName(c.name, terms)} heard about ${count(n, 'activity', 'activities')}.`,
      };
    }),
  ];
  const others = committees.length - LIMITS.committees;
  if (others > 0)
    rows.push({
      topic: 'meeting',
      text: `${count(others, `more ${terms.committee}`, `more ${terms.committee}s`)} heard about the rest.`,
    });
  const served = progress.filter((p) => p.activities > 0).length;
  rows.push({ topic: 'list', text: `We worked on ${served} of the ${terms.size} ${terms.items}.` });
  if (figures.participationFees > 0)
    rows.push({ topic: 'money', text: `We paid residents ${formatMoney(figures.participationFees)} for their time.` });
  if (figures.accessCosts > 0)
    rows.push({ topic: 'money', text: `We spent ${formatMoney(figures.accessCosts)} to help residents take part.` });
  return rows;
}

/** The latest change of each committee in the half, as its quarterly update told it. */
function changedRows(model: SummaryModel, lookup: Lookup): EasyReadRow[] {
  const latestFirst = [...model.quarters].reverse().map((q) => q.id);
  const found: EasyReadRow[][] = [];
  let all = 0;
  for (const committee of lookup.dataset.council.committees) {
    const refs = activeIn(activitiesOf(lookup, committee.departments), latestFirst);
    const changes = latestFirst.flatMap((q) => refs.filter((r) => hasChange(r, q)).map((r) => ({ r, q })));
    all += changes.length;
    const first = changes[0];
    if (first && found.length < LIMITS.changes) found.push(changeRows(first.r, first.q));
  }
  if (found.length === 0)
    return [{ topic: 'said', text: 'No one wrote down a change made because of what residents said.' }];
  const rows = found.flat();
  if (all > found.length)
    rows.push({
      topic: 'list',
      text: `We changed ${count(all - found.length, 'more thing', 'more things')} too. The reports to each ${model.terms.committee} list them.`,
    });
  return rows;
}

function problemRows(model: SummaryModel, lookup: Lookup): EasyReadRow[] {
  const { terms, progress, barriers, barriersQuarter, open, quarters } = model;
  const rows: EasyReadRow[] = [];
  const quiet = progress.filter((p) => p.activities === 0).length;
  if (quiet > 0)
    rows.push({
      topic: 'warning',
      text: `No one worked on ${quiet} of the ${terms.size} ${terms.items}.`,
    });
  if (barriers.length > 0)
    rows.push({
      topic: 'warning',
      text: `${barriers.length === 1 ? '1 thing' : `${barriers.length} things`} got in the way of our work in ${barriersQuarter}.`,
    });
  const last = quarters.at(-1)!;
  const silent = silentDepartments(
    lookup,
    lookup.dataset.council.departments.map((d) => d.id),
    last.id,
  );
  for (const d of silent.slice(0, LIMITS.problems))
    rows.push({ topic: 'warning', text: `${d.name} did not send a report for ${last.words}.` });
  if (open.rows.length > 0)
    rows.push({
      topic: 'list',
      text: `${count(open.rows.length, 'plan')} from earlier ${open.rows.length === 1 ? 'is' : 'are'} not done yet.`,
    });
  if (rows.length === 0) rows.push({ topic: 'did', text: 'No one wrote down anything that got in the way.' });
  else
    rows.push({ topic: 'fix', text: `We are working to fix these problems. The ${terms.board} will check on them.` });
  return rows;
}
