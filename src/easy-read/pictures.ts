import type { EasyReadSettings, PictureTopic } from '../schema/council.js';

/**
 * The picture for each topic of the Easy Read companion: a Tabler icon and
 * the alternative text that says what it stands for. A council may choose
 * another icon for a topic in council.yaml (`easyRead.pictures`).
 */
export const DEFAULT_PICTURES: Record<PictureTopic, { icon: string; alt: string }> = {
  paper: { icon: 'file-text', alt: 'A report' },
  calendar: { icon: 'calendar', alt: 'A calendar' },
  people: { icon: 'users', alt: 'A group of people' },
  meeting: { icon: 'users-group', alt: 'People at a meeting' },
  list: { icon: 'checklist', alt: 'A list with ticks' },
  said: { icon: 'message-circle', alt: 'A speech bubble' },
  did: { icon: 'circle-check', alt: 'A tick' },
  warning: { icon: 'alert-triangle', alt: 'A warning sign' },
  fix: { icon: 'tool', alt: 'A spanner' },
  next: { icon: 'arrow-right', alt: 'An arrow pointing forward' },
  phone: { icon: 'phone', alt: 'A telephone' },
  email: { icon: 'mail', alt: 'An envelope' },
  words: { icon: 'book', alt: 'A book' },
  money: { icon: 'coin-pound', alt: 'A pound coin' },
  council: { icon: 'building', alt: 'A council building' },
};

/** A topic's picture for this council: its own choice of icon (and alternative text), else the default. */
export function pictureFor(topic: PictureTopic, settings: EasyReadSettings): { icon: string; alt: string } {
  const chosen = settings.pictures[topic];
  if (chosen === undefined) return DEFAULT_PICTURES[topic];
  return typeof chosen === 'string' ? { icon: chosen, alt: DEFAULT_PICTURES[topic].alt } : chosen;
}
