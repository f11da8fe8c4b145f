import { type DomainEventRecord } from '@app/persistence';
import { eventName, removalCauseName } from '../format/labels';
import { fechaLarga, fechaYHora } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { emptyRow } from './components';

type EventData = Readonly<Record<string, unknown>>;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const date = (value: unknown) => (typeof value === 'string' ? fechaLarga(value) : undefined);

function compositionWarnings(warnings: unknown): string {
  const messages = Array.isArray(warnings) ? warnings.map((warning) => text((warning as EventData | null)?.message)).filter(Boolean) : [];
  return messages.length > 0 ? messages.join(' · ') : 'Sin advertencias: la composición quedó en regla';
}

/** One line of what happened, from the fields the event types share (never contact data). */
export function eventDetail(type: string, data: EventData): string {
  const escalation = data.escalation as EventData | undefined;
  const parts: (string | undefined)[] = [
    typeof data.stage === 'number' ? `Etapa ${data.stage}` : undefined,
    typeof data.step === 'number' ? `Paso ${data.step}` : undefined,
    type === 'SessionConvened' || type === 'SessionCancelled' ? `Sesión del ${date(data.date) ?? '—'}` : undefined,
    text(data.subject),
    type === 'AttendanceRecorded' || type === 'AttendanceAmended' ? (data.quorum ? 'con quórum' : 'sin quórum') : undefined,
    type === 'DecisionRecorded' ? (data.approved ? 'aprobado' : 'no aprobado') : undefined,
    type === 'MemberAdded' ? `${text(data.nombre) ?? ''} (${text(data.organizacion) ?? ''})` : undefined,
    type === 'FacilitadorAppointed' ? text(data.nombre) : undefined,
    type === 'RemovalProposed' || type === 'MemberRemoved' ? removalCauseName(text(data.cause) ?? '') : undefined,
    type === 'RemovalDecided' ? (data.approved ? 'aprobada' : 'rechazada') : undefined,
    typeof data.commitmentId === 'string' ? `Compromiso ${data.commitmentId}` : undefined,
    date(data.completedOn ?? data.startedOn ?? data.installedOn ?? data.launchedOn ?? data.vacatedOn ?? data.approvedOn ?? data.adoptedOn ?? data.proposedOn ?? data.decidedOn),
    text(escalation?.reason) ?? text(data.message) ?? text(data.reason) ?? text(data.resolution),
    type === 'CompositionWarningsChanged' ? compositionWarnings(data.warnings) : undefined,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

function streamName(streamId: string): string {
  const exercise = /^exercise\/\d{2}\/(\d+)$/.exec(streamId);
  return exercise ? `Ejercicio ${exercise[1]}` : 'STL';
}

/** The audit trail of the state: the events of its STL and exercises, newest first. */
export function historyTable(events: readonly DomainEventRecord[], limit: number): SafeHtml {
  return html`${events.length >= limit ? html`<p class="small muted">Se muestran los ${limit} eventos más recientes.</p>` : ''}
  <div class="table-wrap"><table class="history">
    <caption class="sr-only">Historial de eventos</caption>
    <thead><tr><th scope="col">Registrado</th><th scope="col">Flujo</th><th scope="col">Evento</th><th scope="col">Detalle</th></tr></thead>
    <tbody>${events.length === 0
      ? emptyRow(4, 'Sin eventos registrados.')
      : events.map(
          (event) => html`<tr data-event="${event.type}">
            <td class="nowrap small">${fechaYHora(event.recordedAt)}</td>
            <td class="small">${streamName(event.streamId)}</td>
            <th scope="row" style="font-weight:600">${eventName(event.type)}</th>
            <td class="small">${eventDetail(event.type, (event.data ?? {}) as EventData)}</td>
          </tr>`,
        )}</tbody>
  </table></div>`;
}
