/**
 * A safe file-name part from an id: lower-case letters, digits and hyphens
 * only, so it can never name a folder outside the output folder.
 */
export function slugify(id: string): string {
  const slug = id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'unnamed';
}

/** `2023/24-Q1` → `2023-24-q1`. */
export function periodSlug(period: string): string {
  return slugify(period);
}
