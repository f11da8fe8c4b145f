import { type CommitmentCompletion, type HistoricalPalAct } from '@app/domain';
import { type CommitmentView } from '@app/persistence';
import { commitmentKindName, COMPLETION_PERCENT, completionName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { evidenceLink, html, type SafeHtml } from '../html/html';
import { badge, emptyRow, progressBar } from './components';

const HISTORICAL_ACT_NAMES: Readonly<Record<HistoricalPalAct['act'], string>> = {
  compromisos: 'Compromisos de las mesas',
  lanzamiento: 'Lanzamiento del PAL',
  avance: 'Reporte de avance',
  monitoreo: 'Monitoreo de los seis meses',
  evaluacion: 'Evaluación anual',
};

/** The PAL's acts recorded after their day, each with the justification it was accepted with. */
export function historicalActsList(acts: readonly HistoricalPalAct[] = []): SafeHtml {
  if (acts.length === 0) return html``;
  return html`<ul class="historical-acts">${acts.map(
    (act) => html`<li data-historical-act="${act.act}">${badge('Acto histórico', 'warn')}
      ${HISTORICAL_ACT_NAMES[act.act]}${act.commitmentId ? ` (${act.commitmentId})` : ''} del ${fechaLarga(act.on)}: ${act.justification}</li>`,
  )}</ul>`;
}

function evidenceCell(links: readonly string[]): SafeHtml {
  return links.length === 0 ? html`<span class="muted">—</span>` : html`${links.map((link) => html`<div>${evidenceLink(link)}</div>`)}`;
}

/** PAL commitments with their progress on the IRM completion scale. */
export function commitmentsTable(commitments: readonly CommitmentView[], options: { evidence?: boolean } = {}): SafeHtml {
  const launched = commitments.some((commitment) => commitment.launched);
  return html`${commitments.length > 0 && !launched ? html`<p class="small muted">Borrador de las mesas participativas: el PAL aún no se lanza.</p>` : ''}
  <div class="table-wrap"><table>
    <caption class="sr-only">Compromisos del Plan de Acción Local</caption>
    <thead><tr><th scope="col">Compromiso</th><th scope="col">Tipo</th><th scope="col">Avance (escala del IRM)</th><th scope="col">Último reporte</th>
      ${options.evidence ? html`<th scope="col">Evidencia</th>` : ''}</tr></thead>
    <tbody>${commitments.length === 0
      ? emptyRow(options.evidence ? 5 : 4, 'Aún no hay compromisos registrados.')
      : commitments.map((commitment) => {
          const completion = commitment.completion as CommitmentCompletion;
          const percent = COMPLETION_PERCENT[completion] ?? 0;
          return html`<tr data-commitment="${commitment.commitmentId}">
            <th scope="row">${commitment.commitmentId}. ${commitment.title}</th>
            <td>${commitmentKindName(commitment.kind)}</td>
            <td><span class="nowrap">${completionName(commitment.completion)}</span>${progressBar(percent, 100, `Avance: ${completionName(commitment.completion)}`)}</td>
            <td>${fechaLarga(commitment.reportedOn)}</td>
            ${options.evidence ? html`<td>${evidenceCell(commitment.data.evidence ?? [])}</td>` : ''}
          </tr>`;
        })}</tbody>
  </table></div>`;
}
