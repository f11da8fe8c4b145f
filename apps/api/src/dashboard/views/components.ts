import { type Sector, SECTORS, type StlSummary } from '@app/domain';
import { type CadenceStatus, TRAFFIC_LIGHT_LABELS } from '../board/traffic-light';
import { SECTOR_LABELS, SECTOR_SHORT } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type HtmlValue, type SafeHtml } from '../html/html';

export type Tone = 'ok' | 'warn' | 'bad' | 'none';

export function badge(text: HtmlValue, tone: Tone, title?: string): SafeHtml {
  return html`<span class="badge ${tone}"${title ? html` title="${title}"` : ''}>${text}</span>`;
}

/** A bar for people who look and a text for people who read: "4 de 6". */
export function progressBar(done: number, total: number, label: string, kind = ''): SafeHtml {
  const percent = total > 0 ? Math.round((Math.max(0, Math.min(done, total)) / total) * 100) : 0;
  const classes = ['bar', kind, percent === 100 ? 'done' : ''].filter(Boolean).join(' ');
  return html`<span class="${classes}" role="progressbar" aria-label="${label}" aria-valuemin="0" aria-valuemax="${total}" aria-valuenow="${done}"><span style="width:${percent}%"></span></span>`;
}

const LIGHT_TONE: Readonly<Record<CadenceStatus['light'], Tone>> = { verde: 'ok', ambar: 'warn', rojo: 'bad', sin_plazo: 'none' };

/** The bimonthly cadence as a coloured dot and words (colour is never the only signal). */
export function trafficLight(cadence: CadenceStatus): SafeHtml {
  const label = TRAFFIC_LIGHT_LABELS[cadence.light];
  const detail =
    cadence.light === 'rojo'
      ? `vencida desde el ${fechaLarga(cadence.dueOn)}`
      : cadence.dueOn
        ? `vence el ${fechaLarga(cadence.dueOn)}`
        : 'el STL aún no está instalado';
  return html`<span class="light ${cadence.light}" data-semaforo="${cadence.light}"><span class="badge ${LIGHT_TONE[cadence.light]}">${label}</span></span>
    <span class="small muted">${detail}</span>`;
}

/** Titulares per sector: "G 3 · SC 2 · OG 1", the names in the tooltip and for screen readers. */
export function sectorCounts(stl: Pick<StlSummary, 'titularesBySector' | 'extraSectorName'>): SafeHtml {
  const sectors = SECTORS.filter((sector) => sector !== 'adicional' || stl.titularesBySector.adicional > 0);
  return html`<span class="sectors">${sectors.map((sector: Sector) => {
    const name = sector === 'adicional' ? (stl.extraSectorName ?? SECTOR_LABELS.adicional) : SECTOR_LABELS[sector];
    return html`<span class="sector" title="${name}"><abbr title="${name}">${SECTOR_SHORT[sector]}</abbr> ${stl.titularesBySector[sector]}<span class="sr-only"> titulares</span></span>`;
  })}</span>`;
}

/** A `<dl>` of facts, each a label and a value. */
export function facts(entries: readonly (readonly [string, HtmlValue])[]): SafeHtml {
  return html`<dl class="facts">${entries.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

export function emptyRow(columns: number, text: string): SafeHtml {
  return html`<tr><td colspan="${columns}" class="muted">${text}</td></tr>`;
}
