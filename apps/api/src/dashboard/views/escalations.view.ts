import { createHash } from 'node:crypto';
import { entidadName, type Entidad, parseStreamId } from '@app/domain';
import { type EscalationView } from '@app/persistence';
import { escalationResourceId } from '../../escalations/escalation-id';
import { deadlineKindName, escalationLevelName, escalationStatusName } from '../format/labels';
import { fechaDeInstante, fechaYHora } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { badge, emptyRow } from './components';

const STATUS_TONE: Readonly<Record<string, 'bad' | 'warn' | 'ok'>> = { abierta: 'bad', reconocida: 'warn', resuelta: 'ok' };

/** The API's path for one escalation (its row id `<stream>#<escalation>` travels as base64url). */
export function escalationApiPath(escalation: Pick<EscalationView, 'id'>, action: 'acknowledge' | 'resolve'): string {
  return `/api/escalations/${escalationResourceId(escalation.id)}/${action}`;
}

function actions(escalation: EscalationView): SafeHtml {
  if (escalation.status === 'resuelta') return html``;
  const formId = `resolver-${createHash('sha1').update(escalation.id).digest('hex').slice(0, 12)}`;
  return html`${escalation.status === 'abierta'
      ? html`<form class="inline-form" data-api="${escalationApiPath(escalation, 'acknowledge')}" data-success="Escalamiento reconocido." novalidate>
          <button type="submit" class="secondary">Reconocer</button>
          <div class="form-status" tabindex="-1"></div>
        </form>`
      : ''}
    <form class="inline-form" data-api="${escalationApiPath(escalation, 'resolve')}" data-success="Escalamiento resuelto." novalidate>
      <label for="${formId}" class="sr-only">Cómo se resolvió</label>
      <input type="text" id="${formId}" name="resolution" required maxlength="2000" placeholder="Cómo se resolvió">
      <button type="submit">Resolver</button>
      <div class="form-status" tabindex="-1"></div>
    </form>`;
}

function statusCell(escalation: EscalationView): SafeHtml {
  return html`${badge(escalationStatusName(escalation.status), STATUS_TONE[escalation.status] ?? 'warn')}
    ${escalation.acknowledgedAt ? html`<div class="small muted">Reconocido ${escalation.acknowledgedBy ? `por ${escalation.acknowledgedBy} ` : ''}el ${fechaYHora(escalation.acknowledgedAt)}</div>` : ''}
    ${escalation.resolvedAt ? html`<div class="small muted">Resuelto el ${fechaDeInstante(escalation.resolvedAt)}${escalation.resolution ? `: ${escalation.resolution}` : ''}</div>` : ''}`;
}

export interface EscalationTableOptions {
  /** The inbox lists several states; a state's page does not repeat its name. */
  readonly showEntidad: boolean;
  /** Whether the account may acknowledge and resolve the escalations of a state. */
  readonly canAct: (entidad: string) => boolean;
}

export function escalationsTable(escalations: readonly EscalationView[], options: EscalationTableOptions): SafeHtml {
  const columns = options.showEntidad ? 7 : 6;
  return html`<div class="table-wrap"><table class="escalations">
    <caption class="sr-only">Escalamientos</caption>
    <thead><tr>${options.showEntidad ? html`<th scope="col">Entidad</th>` : ''}<th scope="col">Motivo</th><th scope="col">Tipo</th>
      <th scope="col">Nivel</th><th scope="col">Levantado</th><th scope="col">Estado</th><th scope="col">Acciones</th></tr></thead>
    <tbody>${escalations.length === 0
      ? emptyRow(columns, 'No hay escalamientos.')
      : escalations.map(
          (escalation) => html`<tr data-escalation="${escalation.id}" data-status="${escalation.status}">
            ${options.showEntidad ? html`<td><a href="/tablero/entidades/${escalation.entidad}">${entidadName(escalation.entidad as Entidad)}</a></td>` : ''}
            <th scope="row" style="font-weight:400">${escalation.reason}</th>
            <td>${deadlineKindName(escalation.kind)}<div class="small muted">${parseStreamId(escalation.streamId)?.aggregate === 'stl' ? 'STL' : 'Ejercicio'}</div></td>
            <td>${escalationLevelName(escalation.level)}</td>
            <td class="nowrap">${fechaDeInstante(escalation.raisedAt)}</td>
            <td>${statusCell(escalation)}</td>
            <td>${options.canAct(escalation.entidad) ? actions(escalation) : html`<span class="muted">—</span>`}</td>
          </tr>`,
        )}</tbody>
  </table></div>`;
}
