import type { DataPath } from '../load/locate.js';

/** What one item of each list in the data files is called. */
const ITEM_NAMES: Record<string, string> = {
  activities: 'activity',
  updates: 'update',
  outcomes: 'outcome',
  barriers: 'barrier',
  assessments: 'assessment',
  committees: 'committee',
  departments: 'department',
  groups: 'group',
  values: 'value',
  contacts: 'contact officer',
  recommendations: 'recommendation',
  measures: 'measure',
};

/**
 * Names the record at `path` in plain words, for messages: "activity
 * `econ-signoff`", "the 2023/24-Q1 update of activity `econ-signoff`", "the
 * `director` of department `economy`", "this file". At most the two
 * innermost levels are named, to keep messages short.
 */
export function describeRecord(data: unknown, path: DataPath): string {
  const names: string[] = [];
  let node: unknown = data;
  for (let k = 0; k < path.length; k++) {
    const segment = path[k]!;
    node = childOf(node, segment);
    const parentKey = path[k - 1];
    if (typeof segment === 'number')
      names.push(nameItem(typeof parentKey === 'string' ? parentKey : '', segment, node));
    else if (isPlainObject(node)) names.push(k === 0 ? `the \`${segment}\` section` : `the \`${segment}\``);
  }
  if (names.length === 0) return 'this file';
  return names.slice(-2).reverse().join(' of ');
}

function nameItem(list: string, index: number, item: unknown): string {
  const noun = ITEM_NAMES[list] ?? 'item';
  const fields = isPlainObject(item) ? item : {};
  const label = (value: unknown) =>
    (typeof value === 'string' || typeof value === 'number') && String(value).length <= 60;
  if (list === 'updates' && label(fields['quarter'])) return `the ${String(fields['quarter'])} update`;
  if (label(fields['id'])) return `${noun} \`${String(fields['id'])}\``;
  if (list === 'recommendations' && label(fields['number'])) return `recommendation ${String(fields['number'])}`;
  return `${noun} ${index + 1}`;
}

function childOf(node: unknown, segment: string | number): unknown {
  if (Array.isArray(node) && typeof segment === 'number') return node[segment];
  if (isPlainObject(node)) return Object.hasOwn(node, segment) ? node[segment] : undefined;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Capitalises the first letter of a message that starts with a word. */
export function sentence(text: string): string {
  return /^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
