/**
 * The defaults every command that writes papers shares (report, summary,
 * pack), kept in one place so they cannot drift apart. Each command's --help
 * shows them from here, and a test holds the README's table to them.
 */

/** The council data folder. */
export const DEFAULT_DATA = 'data';

/** The folder papers are written into. */
export const DEFAULT_OUT = 'reports';

/** Markdown and Word side by side: what a clerk publishes and what an author previews. */
export const DEFAULT_FORMAT = 'all';
