import { type AttendanceRecord, type Entidad, type LocalDate, RESERVED_ACT_KINDS, reservedActName, type StlSummary } from '@app/domain';
import { type StlMemberView, type StlSessionView } from '@app/persistence';
import { sessionKindName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { actionForm, dateField, memberLabel, peopleNames, selectField, textareaField, textField } from './actions.view';

/** The acts of the STL's sessions (MG cap. VI): convocation, a new date, cancellation, attendance, decisions, minutes. */
export interface SessionActs {
  readonly entidad: Entidad;
  readonly stl: StlSummary;
  readonly sessions: readonly StlSessionView[];
  readonly members: readonly StlMemberView[];
  readonly today: LocalDate;
}

function sessionChoices(sessions: readonly StlSessionView[]): (readonly [string, string])[] {
  return sessions.map((session) => [session.sessionId, `${fechaLarga(session.date)} (${sessionKindName(session.kind).toLowerCase()})`] as const);
}

function people({ stl, members }: SessionActs): { id: string; label: string }[] {
  return [
    ...members.map((member) => ({ id: member.memberId, label: memberLabel(member) })),
    ...(stl.facilitador && !stl.facilitadorVacante ? [{ id: stl.facilitador.facilitadorId, label: `${stl.facilitador.nombre} — facilitador` }] : []),
  ];
}

function hasMinutes(session: StlSessionView): boolean {
  return session.minutes !== null && session.minutes !== undefined;
}

/** A session on a day that already has one asks to confirm (the script reads `data-existing-dates`). */
export function conveneSessionForm({ entidad, sessions, today }: SessionActs): SafeHtml {
  const taken = sessions.filter((session) => session.status !== 'cancelada').map((session) => session.date);
  return actionForm(
    {
      id: 'form-convocar',
      summary: 'Convocar sesión',
      api: `/api/stls/${entidad}/sessions`,
      success: 'Sesión convocada.',
      attributes: { 'data-existing-dates': [...new Set(taken)].join(' ') },
    },
    html`<div class="row">
        ${dateField('sesion-fecha', 'date', 'Fecha de la sesión', '', {
          extra: html` data-notice-deadline="/api/calendar/notice-deadline?entidad=${entidad}" data-deadline-hint="sesion-fecha-plazo" aria-describedby="sesion-fecha-plazo"`,
        })}
        ${selectField('sesion-tipo', 'kind', 'Tipo', [['ordinaria', 'Ordinaria'], ['extraordinaria', 'Extraordinaria']])}
        ${dateField('sesion-convocatoria', 'convokedOn', 'Fecha de la convocatoria', today, { max: today })}
      </div>
      <p class="hint" id="sesion-fecha-plazo" aria-live="polite">Elija la fecha para ver hasta cuándo puede convocarse (el aviso que pide el mecanismo del STL).</p>
      <div class="row">
        ${textField('sesion-inicio', 'startTime', 'Hora de inicio (Ciudad de México)', { type: 'time' })}
        ${textField('sesion-termino', 'endTime', 'Hora de término', { type: 'time' })}
      </div>
      ${textField('sesion-historica', 'historical.justification', 'Justificación, si la convocatoria se hizo antes de hoy (acto histórico: no se envía por correo)')}
      ${textareaField('sesion-orden', 'agenda', 'Orden del día', 'Un punto por línea.', { required: true })}
      <div class="row">
        ${textField('sesion-lugar', 'place', 'Lugar')}
        ${textField('sesion-enlace', 'link', 'Enlace de la sesión virtual', { type: 'url' })}
      </div>`,
  );
}

/** A convoked session moved to another day: the notice is counted again from the change, and every member is told. */
export function rescheduleSessionForm({ entidad, stl, members, sessions }: SessionActs): SafeHtml {
  const convoked = sessions.filter((session) => session.status === 'convocada');
  if (convoked.length === 0) return html``;
  return actionForm(
    {
      id: 'form-reprogramar',
      summary: 'Cambiar la fecha de una sesión',
      api: `/api/stls/${entidad}/sessions/{id}/reschedule`,
      success: 'Sesión reprogramada; se avisó a cada integrante.',
      names: peopleNames(stl, members),
    },
    html`<div class="row">
        ${selectField('reprogramar-sesion', 'id', 'Sesión', sessionChoices(convoked))}
        ${dateField('reprogramar-fecha', 'date', 'Nueva fecha', '')}
      </div>
      ${textareaField('reprogramar-motivo', 'reason', 'Motivo del cambio', 'Se envía a cada integrante con la nueva fecha.', { required: true, lines: false })}`,
  );
}

export function cancelSessionForm({ entidad, stl, members, sessions }: SessionActs): SafeHtml {
  const convoked = sessions.filter((session) => session.status === 'convocada');
  if (convoked.length === 0) return html``;
  return actionForm(
    {
      id: 'form-cancelar',
      summary: 'Cancelar sesión',
      api: `/api/stls/${entidad}/sessions/{id}/cancel`,
      success: 'Sesión cancelada.',
      names: peopleNames(stl, members),
      confirm: '¿Cancelar la sesión? Deja de contar para la sesión bimestral.',
    },
    html`${selectField('cancelar-sesion', 'id', 'Sesión', sessionChoices(convoked))}
      ${textareaField('cancelar-motivo', 'reason', 'Motivo de la cancelación', 'Se publica junto a la sesión.', { required: true, lines: false })}`,
  );
}

/**
 * Who attended; a later roll call (late arrivals) corrects it until the session's first decision. An empty list
 * needs the explicit «sesión sin asistentes» box: the script refuses the form while neither a person nor that box is ticked.
 */
export function attendanceForm(acts: SessionActs): SafeHtml {
  const { entidad, stl, members, sessions, today } = acts;
  const amendable = (session: (typeof sessions)[number]) =>
    session.attendance !== null && session.attendance !== undefined && session.decisions.length === 0 && !hasMinutes(session) && session.status !== 'cancelada';
  const open = sessions.filter((session) => (session.status === 'convocada' && session.date <= today) || amendable(session));
  if (open.length === 0) return html``;
  return actionForm(
    { id: 'form-asistencia', summary: 'Registrar o corregir asistencia', api: `/api/stls/${entidad}/sessions/{id}/attendance`, success: 'Asistencia registrada.', names: peopleNames(stl, members) },
    html`${selectField('asistencia-sesion', 'id', 'Sesión', sessionChoices(open))}
      <fieldset data-need-one="asistencia-sin-asistentes" data-need-one-message="marque a quienes asistieron, o confirme que fue una sesión sin asistentes.">
        <legend>Presentes</legend><div class="checks">${people(acts).map(
          (person, index) => html`<label><input type="checkbox" name="present" value="${person.id}" data-list id="presente-${index}"> ${person.label}</label>`,
        )}</div></fieldset>
      <div><label><input type="checkbox" id="asistencia-sin-asistentes" name="withoutAttendees"> Sesión sin asistentes: nadie asistió (podrá corregirse hasta el primer acuerdo)</label></div>`,
  );
}

/** Decisions only in sessions held with quorum whose minutes are still open. */
export function decisionForm({ entidad, stl, members, sessions }: SessionActs): SafeHtml {
  const held = sessions.filter((session) => session.status === 'celebrada' && !hasMinutes(session));
  if (held.length === 0) return html``;
  const voters = members.filter((member) => member.hasVote && member.role !== 'invitado');
  return actionForm(
    { id: 'form-acuerdo', summary: 'Registrar acuerdo', api: `/api/stls/${entidad}/sessions/{id}/decisions`, success: 'Acuerdo registrado.', names: peopleNames(stl, members) },
    html`${selectField('acuerdo-sesion', 'id', 'Sesión', sessionChoices(held))}
      ${textField('acuerdo-asunto', 'subject', 'Asunto', { required: true })}
      <div class="row"><div class="field"><label for="acuerdo-acto">Acto reservado al STL que autoriza <span class="muted">(opcional)</span></label>
        <select id="acuerdo-acto" name="act.kind"><option value="">Ninguno</option>${RESERVED_ACT_KINDS.map(
          (kind) => html`<option value="${kind}">${reservedActName({ kind })}</option>`,
        )}</select></div>
        <div class="field"><label for="acuerdo-acto-integrante">Integrante <span class="muted">(incorporación o remoción)</span></label>
        <select id="acuerdo-acto-integrante" name="act.memberId"><option value="">—</option>${members.map(
          (member) => html`<option value="${member.memberId}">${memberLabel(member)}</option>`,
        )}</select></div></div>
      <div><label><input type="checkbox" name="consensus" id="acuerdo-consenso" data-keep-empty> Se aprobó por consenso</label></div>
      <fieldset><legend>Votos por nombre (si no hubo consenso)</legend><div class="checks">${voters.map(
        (member, index) => html`<label for="voto-${index}">${memberLabel(member)}
          <select id="voto-${index}" name="votes" data-vote data-member="${member.memberId}">
            <option value="">—</option><option value="favor">A favor</option><option value="contra">En contra</option><option value="impedimento">Impedimento</option>
          </select></label>`,
      )}</div></fieldset>`,
  );
}

/** The minutes, signed by everyone who attended; the present are ticked already. */
export function minutesForm(acts: SessionActs): SafeHtml {
  const { entidad, stl, members, sessions, today } = acts;
  const pending = sessions.filter((session) => session.attendance && !hasMinutes(session) && session.status !== 'cancelada');
  if (pending.length === 0) return html``;
  const present = new Set((pending[0].attendance as AttendanceRecord).present);
  return actionForm(
    { id: 'form-acta', summary: 'Aprobar acta', api: `/api/stls/${entidad}/sessions/{id}/minutes`, success: 'Acta aprobada.', names: peopleNames(stl, members) },
    html`<div class="row">${selectField('acta-sesion', 'id', 'Sesión', sessionChoices(pending))}
        ${dateField('acta-fecha', 'approvedOn', 'Fecha de aprobación', today, { max: today })}</div>
      <fieldset data-need-one="" data-need-one-message="marque a quienes firmaron el acta."><legend>Firmaron el acta (todos los que asistieron)</legend><div class="checks">${people(acts).map(
        (person, index) => html`<label><input type="checkbox" name="signedBy" value="${person.id}" data-list id="firma-${index}"${present.has(person.id) ? html` checked` : ''}> ${person.label}</label>`,
      )}</div></fieldset>`,
  );
}
