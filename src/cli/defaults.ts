/**
 * The defaults every command that writes papers shares (report, summary,
 * pack), kept in one place so they cannot drift apart: the README's table of
 * defaults and each command's --help come from here.
 */

/** The council data folder. */
export const DEFAULT_DATA = 'data';

/** The folder papers are written into. */
export const DEFAULT_OUT = 'reports';

/** Markdown and Word side by side: what a clerk publishes and what an author previews. */
export const DEFAULT_FORMAT = 'all';
