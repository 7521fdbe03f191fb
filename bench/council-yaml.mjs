/**
 * The YAML layout of the synthetic council: what a careful officer would
 * write by hand, as in the sample council in data/. Pure: every random
 * choice was made when the council was planned (generate.mjs).
 */
import { YamlWriter } from './yaml-writer.mjs';

/** council.yaml for a planned council. */
export function councilYaml(plan) {
  const w = new YamlWriter();
  w.line('# A synthetic council written by bench/generate.mjs for benchmarks. Not real data.');
  w.line('council:');
  w.value('  ', 'name', 'London Borough of Benchmark');
  w.value('  ', 'language', 'en-GB');
  w.value('  ', 'financialYearStart', 4);
  w.value('  ', 'wards', 'All');
  w.value('  ', 'defaultFormat', 'md');
  w.blank();
  w.line('board:');
  w.value('  ', 'id', 'pob');
  w.value('  ', 'name', 'Policy and Oversight Board');
  w.line('  author:');
  w.value('    ', 'role', 'Strategic Lead, Communications and Community Engagement');
  w.line('  director:');
  w.value('    ', 'role', 'Chief Operating Officer, Corporate Services');
  w.line('  meetings:');
  w.value('    ', '2022/23-H2', '2023-06-20');
  w.value('    ', '2023/24-H1', '2023-11-21');
  w.blank();
  w.line('committees:');
  for (const c of plan.committees) {
    w.value('  - ', 'id', c.id);
    w.text('    ', 'name', c.name);
    w.flow('    ', 'departments', c.departments);
    w.line('    meetings:');
    for (const [quarter, date] of c.meetings) w.value('      ', quarter, date);
  }
  w.blank();
  w.line('departments:');
  for (const d of plan.departments) {
    w.value('  - ', 'id', d.id);
    w.text('    ', 'name', d.name);
    w.line('    director:');
    w.text('      ', 'role', `Strategic Director, ${d.name}`);
    w.line('    author:');
    w.text('      ', 'role', `Co-production Co-ordinator, ${d.name}`);
    w.line('    contacts:');
    w.text('      - ', 'role', `Co-production Co-ordinator, ${d.name}`);
    w.value('        ', 'phone', d.phone);
    w.value('        ', 'email', `${d.id}.coproduction@benchmark.example.gov.uk`);
    if (d.headOfService) w.text('      - ', 'role', `Head of Service, ${d.name}`);
  }
  w.blank();
  w.line('values:');
  w.value('  - ', 'value', 'Doing things with local residents, not to them');
  w.text(
    '    ',
    'alignment',
    'Co-production with Disabled residents is the mechanism that delivers this priority: residents are involved from the start to the end of a policy or service change.',
  );
  w.value('  - ', 'value', 'Being ruthlessly financially efficient');
  w.text(
    '    ',
    'alignment',
    'Getting services right first time with the residents who use them avoids expensive changes later.',
  );
  w.blank();
  w.line('groups:');
  for (const g of plan.groups) {
    w.value('  - ', 'id', g.id);
    w.text('    ', 'name', g.name);
    w.value('    ', 'department', g.department);
    w.value('    ', 'residentCoChair', g.residentCoChair);
    w.text('    ', 'host', g.host);
    w.value('    ', 'established', g.established);
  }
  w.blank();
  w.line('backgroundPapers:');
  w.line("  - Disabled People's Commission report, Nothing About Disabled People Without Disabled People (2017)");
  return w.toString();
}

/** activities/<department>.yaml: a department's assessments and activities. */
export function activityFileYaml(dept, assessments, activities) {
  const w = new YamlWriter();
  w.line(`# ${dept.name}: synthetic activity written by bench/generate.mjs for benchmarks.`);
  w.value('', 'department', dept.id);
  w.blank();
  w.line('assessments:');
  for (const a of assessments) {
    w.value('  - ', 'quarter', a.quarter);
    w.value('    ', 'recommendation', a.recommendation);
    if (a.rag) w.value('    ', 'rag', a.rag);
    w.text('    ', 'narrative', a.narrative);
  }
  w.blank();
  w.line('activities:');
  for (const a of activities) {
    w.value('  - ', 'id', a.id);
    w.text('    ', 'title', a.title);
    if (a.description) w.text('    ', 'description', a.description);
    if (a.group) w.value('    ', 'group', a.group);
    if (a.recommendations.length) w.flow('    ', 'recommendations', a.recommendations);
    if (a.measures.length) w.flow('    ', 'measures', a.measures);
    w.value('    ', 'stage', a.stage);
    w.value('    ', 'level', a.level);
    if (a.decisionRole) w.text('    ', 'decisionRole', a.decisionRole);
    w.value('    ', 'start', a.start);
    if (a.end) w.value('    ', 'end', a.end);
    if (a.wards) w.flow('    ', 'wards', a.wards);
    w.line('    updates:');
    for (const u of a.updates) {
      w.value('      - ', 'quarter', u.quarter);
      w.text('        ', 'summary', u.summary);
      w.value('        ', 'residents', u.residents);
      if (u.coChairs) w.value('        ', 'coChairs', u.coChairs);
      w.value('        ', 'accessCosts', u.accessCosts);
      w.value('        ', 'participationFees', u.participationFees);
      w.value('        ', 'spend', u.spend);
      if (u.outcomes.length) {
        w.line('        outcomes:');
        for (const o of u.outcomes) {
          w.text('          - ', 'youSaid', o.youSaid);
          w.text('            ', 'weDid', o.weDid);
        }
      }
      if (u.barriers.length) {
        w.line('        barriers:');
        for (const [barrier, response] of u.barriers) {
          w.text('          - ', 'barrier', barrier);
          w.text('            ', 'response', response);
        }
      }
      if (u.followUp) {
        w.line('        followUp:');
        w.value('          ', 'result', u.followUp.result);
        if (u.followUp.reason) w.text('          ', 'reason', u.followUp.reason);
      }
      if (u.next) w.text('        ', 'next', u.next);
      if (u.rag) w.value('        ', 'rag', u.rag);
      w.value('        ', 'status', u.status);
    }
    w.blank();
  }
  return w.toString();
}
