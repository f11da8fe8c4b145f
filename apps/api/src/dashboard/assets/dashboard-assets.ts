import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';
import { DASHBOARD_CSS } from './dashboard-css';

export interface Asset {
  readonly body: string;
  readonly contentType: string;
  readonly version: string;
}

function asset(body: string, contentType: string): Asset {
  return { body, contentType, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

/**
 * The browser script as the build compiled it (`dashboard/browser/tablero.ts`, its own tsconfig with the DOM
 * types). Run from the sources (unit tests, `tsx`), there is no compiled file: the same source is transpiled here.
 */
function dashboardScript(): string {
  const browserDir = join(__dirname, '../browser');
  const compiled = join(browserDir, 'tablero.js');
  if (existsSync(compiled)) return readFileSync(compiled, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only from the sources, where the compiler is installed
  const typescript = require('typescript') as typeof TypeScript;
  const source = readFileSync(join(browserDir, 'tablero.ts'), 'utf8');
  return typescript.transpileModule(source, { compilerOptions: { target: typescript.ScriptTarget.ES2020 } }).outputText;
}

/** By file name under /tablero/recursos/. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  'tablero.css': asset(DASHBOARD_CSS, 'text/css; charset=utf-8'),
  'tablero.js': asset(dashboardScript(), 'text/javascript; charset=utf-8'),
};

/** The version in the query string lets browsers keep the files for a year and still see every new build. */
export const ASSET_PATHS = {
  css: `/tablero/recursos/tablero.css?v=${ASSETS['tablero.css'].version}`,
  js: `/tablero/recursos/tablero.js?v=${ASSETS['tablero.js'].version}`,
};
