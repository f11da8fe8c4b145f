import { type Entidad, entidadName, EXERCISE_STEPS } from '@app/domain';
import { html, type SafeHtml } from '../html/html';

/**
 * A tile map of the 32 states (one square each, laid out roughly as on a map of Mexico), coloured by the step of
 * each state's exercise: where the country stands, at a glance. Each tile is a link to the state's page.
 */
const TILES: Readonly<Record<Entidad, readonly [abbr: string, column: number, row: number]>> = {
  '02': ['BC', 0, 0],
  '26': ['SON', 1, 0],
  '08': ['CHIH', 2, 0],
  '05': ['COAH', 3, 0],
  '19': ['NL', 4, 0],
  '03': ['BCS', 0, 1],
  '25': ['SIN', 1, 1],
  '10': ['DGO', 2, 1],
  '32': ['ZAC', 3, 1],
  '24': ['SLP', 4, 1],
  '28': ['TAMS', 5, 1],
  '18': ['NAY', 1, 2],
  '01': ['AGS', 2, 2],
  '11': ['GTO', 3, 2],
  '22': ['QRO', 4, 2],
  '13': ['HGO', 5, 2],
  '30': ['VER', 6, 2],
  '31': ['YUC', 8, 2],
  '23': ['QROO', 9, 2],
  '14': ['JAL', 1, 3],
  '16': ['MICH', 2, 3],
  '15': ['MEX', 3, 3],
  '09': ['CDMX', 4, 3],
  '29': ['TLAX', 5, 3],
  '21': ['PUE', 6, 3],
  '27': ['TAB', 7, 3],
  '04': ['CAMP', 8, 3],
  '06': ['COL', 1, 4],
  '12': ['GRO', 3, 4],
  '17': ['MOR', 4, 4],
  '20': ['OAX', 5, 4],
  '07': ['CHIS', 6, 4],
};

/** Light to dark as the exercise advances (the same colours as the CSS variables --step-0 … --step-6). */
export const STEP_COLORS = ['#d9dde5', '#d7e7f7', '#a9cbed', '#6fa6dc', '#3f7fc1', '#245d9b', '#143d6b'];

/** Row by row, west to east: the order in which the keyboard visits the tiles. */
const TAB_ORDER = (Object.keys(TILES) as Entidad[]).sort((a, b) => TILES[a][2] - TILES[b][2] || TILES[a][1] - TILES[b][1]);

const TILE = 46;
const GAP = 4;

/** Step 0 = no exercise yet. */
export interface MapState {
  readonly step: number;
  readonly linked: boolean;
}

function tile(entidad: Entidad, state: MapState | undefined): SafeHtml {
  const [abbr, column, row] = TILES[entidad];
  const step = state?.step ?? 0;
  const x = column * (TILE + GAP);
  const y = row * (TILE + GAP);
  const name = entidadName(entidad);
  const shown = step === 0 ? '–' : String(step);
  const described = step === 0 ? `${name}: sin ejercicio registrado` : `${name}: paso ${step} de 6`;
  // WCAG 2.5.3 (label in name): the accessible name begins with what the tile shows, so voice users can say it.
  const label = `${abbr} ${shown}, ${described}`;
  const dark = step >= 4;
  const shape = html`<rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="5" fill="${STEP_COLORS[step]}" stroke="#ffffff" stroke-width="1"></rect>
    <text x="${x + TILE / 2}" y="${y + 19}" text-anchor="middle" font-size="11" font-weight="600" fill="${dark ? '#ffffff' : '#1d2433'}">${abbr}</text>
    <text x="${x + TILE / 2}" y="${y + 36}" text-anchor="middle" font-size="13" font-weight="700" fill="${dark ? '#ffffff' : '#1d2433'}">${shown}</text>`;
  return state?.linked
    ? html`<a href="/tablero/entidades/${entidad}" aria-label="${label}"><title>${label}</title>${shape}</a>`
    : html`<g role="img" aria-label="${label}"><title>${label}</title>${shape}</g>`;
}

export function countryMap(states: ReadonlyMap<Entidad, MapState>): SafeHtml {
  const width = 10 * (TILE + GAP);
  const height = 5 * (TILE + GAP);
  return html`<figure class="map" style="margin:0">
  <svg viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" aria-labelledby="mapa-titulo">
    <title id="mapa-titulo">Mapa de las 32 entidades por paso del ejercicio</title>
    ${TAB_ORDER.map((entidad) => tile(entidad, states.get(entidad)))}
  </svg>
  <ul class="legend" aria-label="Pasos">
    <li><span class="swatch step-0"></span>Sin ejercicio</li>
    ${EXERCISE_STEPS.map((step) => html`<li><span class="swatch step-${step.number}"></span>${step.number}. ${shortStepName(step.number)}</li>`)}
  </ul>
</figure>`;
}

const SHORT_STEP_NAMES = ['Arranque', 'Sensibilización', 'Integración del STL', 'Mesas', 'PAL', 'Seguimiento'];

export function shortStepName(step: number): string {
  return SHORT_STEP_NAMES[step - 1] ?? 'Sin ejercicio';
}

/** "Entidades por paso" as horizontal bars, with the numbers written out. */
export function statesByStepChart(counts: readonly number[]): SafeHtml {
  const max = Math.max(1, ...counts);
  const rows = counts.map((count, step) => ({ step, count })).filter(({ step, count }) => step > 0 || count > 0);
  return html`<table class="step-chart">
  <caption class="chart-title">Entidades por paso</caption>
  <tbody>${rows.map(
    ({ step, count }) => html`<tr>
      <th scope="row" class="small">${step === 0 ? 'Sin ejercicio' : html`${step}. ${shortStepName(step)}`}</th>
      <td style="width:55%"><span class="bar" aria-hidden="true"><span style="width:${Math.round((count / max) * 100)}%;background:${STEP_COLORS[step === 0 ? 0 : Math.max(step, 3)]}"></span></span></td>
      <td class="num"><a href="/tablero?paso=${step}">${count}</a></td>
    </tr>`,
  )}</tbody>
</table>`;
}
