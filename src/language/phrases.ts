/**
 * Phrases that describe Disabled people in the medical model's words, or
 * that readers find inconsiderate, each with the social model's wording that
 * councils in the UK use instead. The social model puts the barrier in
 * society, not in the person: "Disabled people" (identity first), "has" or
 * "lives with" rather than "suffers from", "wheelchair user" rather than
 * "wheelchair-bound". A council can add phrases or switch some off in
 * `council.yaml` (`language.phrases`, `language.allow`).
 */
export interface Phrase {
  /** The words to find, matched whole and regardless of case and hyphens. */
  find: string;
  /** What to write instead. */
  use: string;
}

export const SOCIAL_MODEL_PHRASES: readonly Phrase[] = [
  { find: 'suffers from', use: 'has, or lives with' },
  { find: 'suffer from', use: 'have, or live with' },
  { find: 'suffering from', use: 'living with' },
  { find: 'sufferer', use: 'person who has, or lives with' },
  { find: 'sufferers', use: 'people who have, or live with' },
  { find: 'afflicted with', use: 'has' },
  { find: 'afflicted by', use: 'has' },
  { find: 'victim of', use: 'person who has' },
  { find: 'wheelchair bound', use: 'wheelchair user' },
  { find: 'wheelchair-bound', use: 'wheelchair user' },
  { find: 'confined to a wheelchair', use: 'uses a wheelchair' },
  { find: 'the disabled', use: 'Disabled people' },
  { find: 'the handicapped', use: 'Disabled people' },
  { find: 'handicapped', use: 'Disabled' },
  { find: 'the blind', use: 'blind people' },
  { find: 'the deaf', use: 'Deaf people' },
  { find: 'differently abled', use: 'Disabled' },
  { find: 'special needs', use: 'access needs' },
  { find: 'able-bodied', use: 'non-disabled' },
  { find: 'able bodied', use: 'non-disabled' },
  { find: 'normal people', use: 'non-disabled people' },
  { find: 'mentally handicapped', use: 'people with a learning disability' },
  { find: 'retarded', use: 'person with a learning disability' },
  { find: 'crippled', use: 'Disabled' },
  { find: 'cripple', use: 'Disabled person' },
  { find: 'spastic', use: 'person with cerebral palsy' },
  { find: 'mental handicap', use: 'learning disability' },
  { find: 'the mentally ill', use: 'people with mental health conditions' },
  { find: 'service users with disabilities', use: 'Disabled residents' },
  { find: 'people with disabilities', use: 'Disabled people' },
  { find: 'residents with disabilities', use: 'Disabled residents' },
];

/**
 * Council jargon that plain-English guidance (GOV.UK's style guide, the Plain
 * English Campaign's A to Z of alternative words) asks writers to avoid,
 * each with the everyday word. Kept short on purpose: everyday words a
 * council's papers need ("option", "monitor", "requirement") are not here.
 */
export const PLAIN_WORDS: readonly Phrase[] = [
  { find: 'utilise', use: 'use' },
  { find: 'utilised', use: 'used' },
  { find: 'utilising', use: 'using' },
  { find: 'utilisation', use: 'use' },
  { find: 'utilize', use: 'use' },
  { find: 'facilitate', use: 'help, or run' },
  { find: 'facilitated', use: 'helped, or ran' },
  { find: 'commence', use: 'start' },
  { find: 'commenced', use: 'started' },
  { find: 'endeavour', use: 'try' },
  { find: 'in order to', use: 'to' },
  { find: 'prior to', use: 'before' },
  { find: 'whilst', use: 'while' },
  { find: 'in relation to', use: 'about' },
  { find: 'with regard to', use: 'about' },
  { find: 'in respect of', use: 'about' },
  { find: 'ascertain', use: 'find out' },
  { find: 'approximately', use: 'about' },
  { find: 'subsequently', use: 'later' },
  { find: 'numerous', use: 'many' },
  { find: 'in the event that', use: 'if' },
  { find: 'at this point in time', use: 'now' },
  { find: 'going forward', use: 'from now on' },
  { find: 'in conjunction with', use: 'with' },
  { find: 'deliverables', use: 'results' },
  { find: 'leverage', use: 'use' },
  { find: 'optimise', use: 'improve' },
  { find: 'operationalise', use: 'put into practice' },
  { find: 'incentivise', use: 'encourage' },
  { find: 'ameliorate', use: 'improve' },
  { find: 'expedite', use: 'speed up' },
  { find: 'disseminate', use: 'share' },
  { find: 'remuneration', use: 'pay' },
  { find: 'notwithstanding', use: 'despite' },
  { find: 'heretofore', use: 'until now' },
  { find: 'hereby', use: '' },
  { find: 'thereof', use: 'of it' },
  { find: 'in excess of', use: 'more than' },
  { find: 'a number of', use: 'some, or the number' },
  { find: 'touch base', use: 'meet, or talk' },
  { find: 'stakeholder engagement', use: 'talking to the people concerned' },
];
