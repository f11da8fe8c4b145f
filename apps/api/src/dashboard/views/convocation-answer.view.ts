import { type ConvocationAnswer, entidadName } from '@app/domain';
import { type ConvocationAnswerPage } from '../../stls/convocation-answers.service';
import { sessionKindName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { badge } from './components';
import { page } from './layout.view';

const SAID: Readonly<Record<ConvocationAnswer, string>> = { asistire: 'Asistirá', no_asistire: 'No asistirá' };

/** The hour a convened person must know; sessions convened without one show none. */
function hours({ startTime, endTime }: ConvocationAnswerPage['session']): string {
  if (!startTime) return '';
  return endTime ? `, de ${startTime} a ${endTime} h (hora de la Ciudad de México)` : `, a las ${startTime} h (hora de la Ciudad de México)`;
}

/**
 * The public page of a personal link: the session, the answer on record and two buttons. Opening it changes
 * nothing (mail scanners open links too); only pressing a button answers.
 */
export function convocationAnswerView(view: ConvocationAnswerPage, justRecorded = false): SafeHtml {
  const { session } = view;
  const action = `/tablero/convocatoria/${view.token}`;
  const body = html`<div class="card" style="max-width:40rem;margin:2rem auto">
    <h1>Convocatoria del STL de ${entidadName(view.entidad)}</h1>
    <p class="lead">${view.nombre}: sesión ${sessionKindName(session.kind).toLowerCase()} del ${fechaLarga(session.date)}${hours(session)}${session.place ? `, ${session.place}` : ''}.</p>
    ${session.agenda.length > 0 ? html`<p><strong>Orden del día:</strong></p><ol>${session.agenda.map((item) => html`<li>${item}</li>`)}</ol>` : ''}
    <p id="respuesta" data-answer="${view.answer ?? 'pendiente'}" role="status">${view.answer === null
      ? 'Aún no ha respondido a esta convocatoria.'
      : html`${justRecorded ? 'Registramos su respuesta: ' : 'Su respuesta registrada: '}${badge(SAID[view.answer], view.answer === 'asistire' ? 'ok' : 'warn')}`}</p>
    <form method="post" action="${action}" class="actions">
      <button type="submit" name="respuesta" value="asistire">Asistiré</button>
      <button type="submit" name="respuesta" value="no_asistire">No podré asistir</button>
    </form>
    <p class="small muted">Puede cambiar su respuesta hasta el día de la sesión. Si no puede asistir, avise a su suplente para que su representación cuente para el quórum.</p>
  </div>`;
  return page({ title: 'Respuesta a la convocatoria', body });
}

/** A link that is not genuine (400) or has served its purpose (410): said plainly, with no way to sign in needed. */
export function convocationLinkProblemView(status: number, message: string): SafeHtml {
  const title = status === 410 ? 'La convocatoria ya no admite respuestas' : status >= 500 ? 'Servicio no disponible' : 'Enlace no válido';
  const body = html`<div class="card" style="max-width:40rem;margin:2rem auto">
    <h1>${title}</h1><p>${message}</p><p class="small muted">Código ${status}.</p>
  </div>`;
  return page({ title, body });
}
