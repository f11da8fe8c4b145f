import { createHash } from 'node:crypto';
import { DASHBOARD_CSS } from './dashboard-css';
import { DASHBOARD_SCRIPT } from './dashboard-script';

export interface Asset {
  readonly body: string;
  readonly contentType: string;
  readonly version: string;
}

function asset(body: string, contentType: string): Asset {
  return { body, contentType, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

/** By file name under /tablero/recursos/. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  'tablero.css': asset(DASHBOARD_CSS, 'text/css; charset=utf-8'),
  'tablero.js': asset(DASHBOARD_SCRIPT, 'text/javascript; charset=utf-8'),
};

/** The version in the query string lets browsers keep the files for a year and still see every new build. */
export const ASSET_PATHS = {
  css: `/tablero/recursos/tablero.css?v=${ASSETS['tablero.css'].version}`,
  js: `/tablero/recursos/tablero.js?v=${ASSETS['tablero.js'].version}`,
};
