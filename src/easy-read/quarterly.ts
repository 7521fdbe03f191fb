import { silentDepartments } from '../model/asks.js';
import { activeIn } from '../model/figures.js';
import { activitiesOf, type ActivityRef, type Lookup } from '../model/lookup.js';
import type { QuarterlyModel } from '../model/quarterly.js';
import { formatMoney, listInWords } from '../model/words.js';
import { plainCommitteeName } from '../model/terms.js';
import {
  activityRow,
  changeRows,
  companionMeta,
  coProductionRow,
  contactRows,
  count,
  coverRows,
  frameworkRow,
  hasChange,
  label,
  LIMITS,
  section,
  type EasyReadDocument,
  type EasyReadRow,
} from './document.js';

/**
 * A committee's Easy Read companion to its quarterly update, from the same
 * view model: the same quarter, activities, counts and "you said, we did",
 * in short sentences beside pictures. `lookup` gives the activities' own
 * records, for their Easy Read lines.
 */
export function easyReadQuarterly(model: QuarterlyModel, lookup: Lookup): EasyReadDocument {
  const { terms, period, committee } = model;
  const committeeRecord = lookup.dataset.council.committees.find((c) => c.id === committee.id)!;
  const active = activeIn(activitiesOf(lookup, committeeRecord.departments), [period.id]);
  const word = terms.committee;
  return {
    meta: companionMeta(`${committee.name}: Easy Read update`, period.words, model.meta),
    title: `Working with Disabled residents: ${period.words}`,
    cover: coverRows(model.council.name, plainCommitteeName(committee.name, terms), period.words),
    sections: [
      section('about', [
        coProductionRow(),
        {
          topic: 'meeting',
          text: `This report is for the ${word}. The ${word} is a group of councillors. It looks at the work of ${listInWords(model.departments)}.`,
        },
        frameworkRow(terms),
      ]),
      section('did', didRows(model, active)),
      section('changed', changedRows(active, period.id)),
      section('problems', problemRows(model, lookup, committeeRecord.departments)),
      section('next', nextRows(model)),
      section('contact', contactRows(model.contacts)),
    ],
    names: [
      model.council.name,
      committee.name,
      plainCommitteeName(committee.name, terms),
      ...model.departments,
      terms.frameworkName,
      terms.frameworkOf,
    ],
  };
}

function didRows(model: QuarterlyModel, active: readonly ActivityRef[]): EasyReadRow[] {
  const { figures, period } = model;
  if (figures.activities === 0)
    return [{ topic: 'people', text: `We have no work with Disabled residents to report for ${period.words}.` }];
  const rows: EasyReadRow[] = [
    {
      topic: 'people',
      text: `We worked with Disabled residents on ${count(figures.activities, 'activity', 'activities')}. Residents took part ${count(figures.residents, 'time')} in all.`,
    },
    ...active.slice(0, LIMITS.activities).map((ref) => activityRow(ref, period.id)),
  ];
  const more = active.length - LIMITS.activities;
  if (more > 0)
    rows.push({ topic: 'list', text: `We also worked on ${count(more, 'other activity', 'other activities')}.` });
  if (figures.participationFees > 0)
    rows.push({ topic: 'money', text: `We paid residents ${formatMoney(figures.participationFees)} for their time.` });
  if (figures.accessCosts > 0)
    rows.push({ topic: 'money', text: `We spent ${formatMoney(figures.accessCosts)} to help residents take part.` });
  return rows;
}

function changedRows(active: readonly ActivityRef[], quarter: string): EasyReadRow[] {
  const changed = active.filter((ref) => hasChange(ref, quarter));
  if (changed.length === 0)
    return [{ topic: 'said', text: 'No one wrote down a change made because of what residents said this time.' }];
  const rows = changed.slice(0, LIMITS.changes).flatMap((ref) => changeRows(ref, quarter));
  const more = changed.length - LIMITS.changes;
  if (more > 0)
    rows.push({
      topic: 'list',
      text: `We changed ${count(more, 'more thing', 'more things')} too. The full report lists them.`,
    });
  return rows;
}

function problemRows(model: QuarterlyModel, lookup: Lookup, departments: readonly string[]): EasyReadRow[] {
  const rows: EasyReadRow[] = [];
  const { barriers, followUps, period } = model;
  if (barriers.length === 0) rows.push({ topic: 'did', text: 'No one wrote down anything that got in the way.' });
  else {
    rows.push({
      topic: 'warning',
      text: `${barriers.length === 1 ? '1 thing' : `${barriers.length} things`} got in the way of our work.`,
    });
    for (const b of barriers.slice(0, LIMITS.problems))
      rows.push({ topic: 'fix', lead: label(b.activity), text: 'Something got in the way. We are working to fix it.' });
    if (barriers.length > LIMITS.problems) rows.push({ topic: 'list', text: 'The full report lists the others.' });
  }
  const done = followUps.filter((f) => f.result === 'done').length;
  if (followUps.length > 0) {
    rows.push({
      topic: 'list',
      text: `Last time we made ${count(followUps.length, 'plan')}. ${howManyDone(done, followUps.length)}`,
    });
  }
  for (const d of silentDepartments(lookup, departments, period.id))
    rows.push({ topic: 'warning', text: `${d.name} did not send us a report this time.` });
  return rows;
}

/** How many of last time's plans are done, in words that never say "0 are": "It is done.", "All 3 are done.", "1 is done. 2 are not done yet." */
function howManyDone(done: number, all: number): string {
  const notDone = all - done;
  if (all === 1) return done === 1 ? 'It is done.' : 'It is not done yet.';
  if (notDone === 0) return `All ${all} are done.`;
  if (done === 0) return 'None of them are done yet.';
  return `${done} ${done === 1 ? 'is' : 'are'} done. ${notDone} ${notDone === 1 ? 'is' : 'are'} not done yet.`;
}

function nextRows(model: QuarterlyModel): EasyReadRow[] {
  const { planned, next, header, terms } = model;
  const rows: EasyReadRow[] = [];
  if (header.dateConfirmed)
    rows.push({ topic: 'calendar', text: `The ${terms.committee} will talk about this report on ${header.date}.` });
  if (planned.length === 0) rows.push({ topic: 'next', text: `We have no plans written down for ${next.words} yet.` });
  else {
    rows.push({ topic: 'next', text: `We have ${count(planned.length, 'plan')} for ${next.words}.` });
    const named = [...new Set(planned.map((p) => p.activity))].slice(0, LIMITS.plans);
    for (const activity of named) rows.push({ topic: 'next', text: `We will work on ${activity}.` });
  }
  rows.push({ topic: 'paper', text: `The next report will be about ${next.words}.` });
  return rows;
}
