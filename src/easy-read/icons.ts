import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The pictures' icons: Tabler's outline icons (MIT licence), one SVG file
 * each, read at run time from the installed @tabler/icons package (never
 * bundled), so every icon of the set is there for a council to choose.
 */
const PACKAGE = '@tabler/icons';

let folder: string | undefined;

/** The folder of the outline icons, `node_modules/@tabler/icons/icons/outline`. */
export function iconFolder(): string {
  folder ??= path.join(
    path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`)),
    'icons',
    'outline',
  );
  return folder;
}

/** True when the set has an icon of this name. */
export function hasIcon(name: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && existsSync(path.join(iconFolder(), `${name}.svg`));
}

/** Every icon name of the set, sorted: read only to suggest a name for a mistyped one. */
export function iconNames(): string[] {
  return readdirSync(iconFolder())
    .filter((f) => f.endsWith('.svg'))
    .map((f) => f.slice(0, -'.svg'.length))
    .sort();
}

/** An icon's SVG source, as the package ships it. */
export function iconSource(name: string): string {
  if (!hasIcon(name)) throw new Error(`no Tabler icon named ${name}`);
  return readFileSync(path.join(iconFolder(), `${name}.svg`), 'utf8');
}
