import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/source.js';
import { ROOT, spawnCli } from '../helpers/cli.js';
import { HAS_TMUX, quote, Terminal } from '../helpers/terminal.js';
import { insertedBytes, sampleCouncil } from './helpers.js';

describe.skipIf(!HAS_TMUX)('coprod add update in a real terminal (tmux)', () => {
  it('is driven by the keyboard from the lists to the confirmation, and appends the update', async () => {
    const dir = await sampleCouncil();
    const file = path.join(dir, 'activities', 'finance-corporate.yaml');
    const before = await readFile(file);
    const term = new Terminal();
    // CI is unset for coprod only: under CI it would rightly refuse to ask.
    term.start(
      `cd ${quote(ROOT)} && env -u CI NO_COLOR=1 ${quote(process.execPath)} bin/coprod.js add update --data ${quote(dir)}; echo "EXIT:$?"; sleep 600`,
    );
    try {
      await term.waitFor('? Which department?');
      term.keys('Down', 'Down', 'Down', 'Down', 'Enter');
      await term.waitFor('? Which activity?');
      expect(term.screen()).toContain(
        'Co-produced financial audit of co-production spend (fc-financial-audit, in-progress)',
      );
      term.keys('Enter');
      await term.waitFor('? Which quarter is this update for?');
      term.type('2023/24-Q9');
      term.keys('Enter');
      await term.waitFor('write the quarter like 2023/24-Q1');
      term.keys('C-u', 'Enter');
      await term.waitFor('? What happened in the quarter?');
      term.type('The panel drafted its findings: spend is spread across six budgets.');
      term.keys('Enter');
      await term.waitFor('? How many residents were involved?');
      term.type('4');
      term.keys('Enter');
      await term.waitFor('? How many of them were resident co-chairs?');
      term.keys('Enter');
      await term.waitFor('? Access costs met, in pounds');
      term.keys('Enter');
      await term.waitFor('? Participation fees paid to residents');
      term.type('400');
      term.keys('Enter');
      await term.waitFor('? Other spend on the activity');
      term.keys('Enter');
      await term.waitFor('? Last quarter\'s plan was: "Chase the remaining departments');
      term.keys('Enter');
      await term.waitFor('? Why?');
      term.keys('Enter');
      await term.waitFor('? You said');
      term.keys('Enter');
      await term.waitFor('? A barrier to progress');
      term.keys('Enter');
      await term.waitFor('? What is planned for next quarter?');
      term.type('Present the findings to the Board.');
      term.keys('Enter');
      await term.waitFor('? RAG rating for the quarter');
      term.keys('Down', 'Enter');
      // Status, stage and level at the end of the quarter: each offers where the activity stands now.
      await term.waitFor('? Status of the activity at the end of 2023/24-Q3');
      expect(term.screen()).toContain('in-progress (as now)');
      term.keys('Enter');
      await term.waitFor('? Stage of the policy or service cycle at the end of 2023/24-Q3');
      term.keys('Enter');
      await term.waitFor('? Level of involvement at the end of 2023/24-Q3');
      term.keys('Enter');
      await term.waitFor('? Add it?');
      expect(term.screen()).toContain('This 2023/24-Q3 update of activity fc-financial-audit will be added to');
      expect(term.screen()).toContain('- quarter: 2023/24-Q3');
      term.keys('Enter');
      await term.waitFor('EXIT:');
      expect(term.screen()).toContain('EXIT:0');
    } finally {
      term.stop();
    }

    const after = await readFile(file);
    insertedBytes(before, after);
    const data = parseSource(file, after).source.data as { activities: { id: string; updates: unknown[] }[] };
    expect(data.activities.find((a) => a.id === 'fc-financial-audit')!.updates.at(-1)).toEqual({
      quarter: '2023/24-Q3',
      summary: 'The panel drafted its findings: spend is spread across six budgets.',
      residents: 4,
      coChairs: 0,
      accessCosts: 0,
      participationFees: 400,
      spend: 0,
      followUp: { result: 'done' },
      next: 'Present the findings to the Board.',
      rag: 'amber',
      status: 'in-progress',
    });
    expect(spawnCli(['validate', '--data', dir]).code).toBe(0);
  }, 180_000);
});
