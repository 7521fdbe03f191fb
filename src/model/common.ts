import type { Officer } from '../schema/primitives.js';
import type { Dataset } from '../validate/dataset.js';
import type { Lookup } from './lookup.js';

/** A contact officer as printed. */
export interface ContactView {
  role: string;
  team: string | undefined;
  phone: string | undefined;
  email: string | undefined;
  department: string;
}

export function contactsOf(lookup: Lookup, departmentIds: readonly string[]): ContactView[] {
  const seen = new Set<string>();
  const out: ContactView[] = [];
  for (const id of departmentIds) {
    const department = lookup.departments.get(id);
    if (!department) continue;
    for (const c of department.contacts) {
      const key = `${c.role}|${c.email ?? ''}|${c.phone ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ role: c.role, team: c.team, phone: c.phone, email: c.email, department: department.name });
    }
  }
  return out;
}

/** Distinct role titles, joined: "Strategic Director, The Economy; Director of Public Health". */
export function rolesOf(officers: readonly Officer[]): string {
  return [...new Set(officers.map((o) => o.role))].join('; ');
}

/** Council-level parts every document prints. */
export interface CouncilView {
  name: string;
  language: string;
  wards: string;
  values: { value: string; alignment: string }[];
  backgroundPapers: string[];
  frameworkName: string;
}

export function councilView(dataset: Dataset): CouncilView {
  const { council } = dataset;
  return {
    name: council.council.name,
    language: council.council.language,
    wards: council.council.wards,
    values: council.values,
    backgroundPapers: council.backgroundPapers,
    frameworkName: dataset.framework.name,
  };
}

/** Document metadata carried to the DOCX core properties. */
export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  language: string;
  /** Short label for page headers. */
  shortTitle: string;
}
