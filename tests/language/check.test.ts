import { describe, expect, it } from 'vitest';
import { languageChecker } from '../../src/language/check.js';

const checker = languageChecker();
const found = (text: string, options?: { sentences?: boolean }) =>
  checker.check(text, options).map((f) => [f.rule, f.actual, f.suggestion]);

describe('the plain-language check', () => {
  it("finds medical-model phrases, whatever their case, hyphen or spacing, with the social model's words", () => {
    expect(found('Ms Smith Suffers From arthritis and is wheelchair-bound.')).toEqual([
      ['social-model-language', 'Suffers From', 'has, or lives with'],
      ['social-model-language', 'wheelchair-bound', 'wheelchair user'],
    ]);
    expect(found('He is wheelchair\n  bound; they were confined to a wheelchair.')).toEqual([
      ['social-model-language', 'wheelchair\n  bound', 'wheelchair user'],
      ['social-model-language', 'confined to a wheelchair', 'uses a wheelchair'],
    ]);
  });

  it('reads "the disabled" as people only when no noun follows it', () => {
    expect(found('We met the disabled and their carers.')).toEqual([
      ['social-model-language', 'the disabled', 'Disabled people'],
    ]);
    expect(found('Services for the disabled.')).toEqual([['social-model-language', 'the disabled', 'Disabled people']]);
    expect(found("Progress against the Disabled People's Commission's recommendations.")).toEqual([]);
    expect(found('A review of the disabled parking bays.')).toEqual([]);
  });

  it('takes whole words only', () => {
    expect(found('The disabledness index; a sufferering typo; unhandicapped.')).toEqual([]);
  });

  it('finds council jargon with the everyday word', () => {
    expect(found('We will utilise the hall in order to meet, whilst it is open.')).toEqual([
      ['complex-word', 'utilise', 'use'],
      ['complex-word', 'in order to', 'to'],
      ['complex-word', 'whilst', 'while'],
    ]);
  });

  it('reports a long, hard sentence at its own offsets, and leaves short ones', () => {
    const long =
      'The team met twice with officers from the highways department, the architects and the contractor and, after a long discussion about gradients, handrails, lighting and seating, finally signed off the entrance design.';
    const text = `Residents tested the entrance. ${long} It opens in May.`;
    const findings = checker.check(text);
    expect(findings.map((f) => f.rule)).toEqual(['hard-to-read']);
    expect(text.slice(findings[0].start, findings[0].end)).toBe(long);
    expect(checker.check(text, { sentences: false })).toEqual([]);
    expect(checker.check('Residents tested the entrance. It opens in May.')).toEqual([]);
  });

  it("follows the council's settings: rules off, words allowed, phrases added", () => {
    const council = languageChecker({
      off: ['complex-word'],
      allow: ['suffers from'],
      phrases: [{ find: 'service users', use: 'residents' }],
    });
    expect(
      council
        .check('Service users who suffers from pain utilise the hall.')
        .map((f) => [f.rule, f.actual, f.suggestion]),
    ).toEqual([['social-model-language', 'Service users', 'residents']]);
    expect(
      languageChecker({ off: ['social-model-language', 'complex-word', 'hard-to-read'] }).check(
        'The disabled utilise it.',
      ),
    ).toEqual([]);
  });
});
