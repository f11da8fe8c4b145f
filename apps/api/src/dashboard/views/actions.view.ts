import { type Entidad, type ExerciseSummary, type LocalDate, type StlSummary } from '@app/domain';
import { type StlMemberView, type StlSessionView } from '@app/persistence';
import { memberRoleName, sectorName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type HtmlValue, type SafeHtml } from '../html/html';

/**
 * The forms behind the actions of the method. Each one is a plain form whose script (tablero.js) sends its fields
 * as JSON to the API named in `data-api` ({field} in the path comes from that field) and shows the API's answer.
 * The API decides; these forms only ask.
 */
function actionForm(summary: string, api: string, success: string, fields: HtmlValue, extra: Record<string, string> = {}): SafeHtml {
  const attributes = Object.entries(extra).map(([name, value]) => html` ${name}="${value}"`);
  return html`<details class="action">
    <summary>${summary}</summary>
    <form class="action-form" data-api="${api}" data-success="${success}"${attributes} novalidate>
      ${fields}
      <div class="form-status" tabindex="-1"></div>
      <div><button type="submit">${summary}</button></div>
    </form>
  </details>`;
}

function dateField(id: string, name: string, label: string, value: LocalDate, options: { max?: LocalDate; extra?: SafeHtml } = {}): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}</label>
    <input type="date" id="${id}" name="${name}" value="${value}" required${options.max ? html` max="${options.max}"` : ''}${options.extra ?? ''}></div>`;
}

function textField(id: string, name: string, label: string, options: { required?: boolean; type?: string; size?: number } = {}): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}${options.required ? '' : html` <span class="muted">(opcional)</span>`}</label>
    <input type="${options.type ?? 'text'}" id="${id}" name="${name}" size="${options.size ?? 40}"${options.required ? html` required` : ''}></div>`;
}

/** A textarea; with `lines`, sent as a list of its non-empty lines. */
function textareaField(id: string, name: string, label: string, hint: string, options: { required?: boolean; lines?: boolean } = {}): SafeHtml {
  const { required = false, lines = true } = options;
  return html`<div class="field"><label for="${id}">${label}${required ? '' : html` <span class="muted">(opcional)</span>`}</label>
    <textarea id="${id}" name="${name}"${lines ? html` data-lines` : ''} rows="2" aria-describedby="${id}-ayuda"${required ? html` required` : ''}></textarea>
    <p class="hint" id="${id}-ayuda">${hint}</p></div>`;
}

export function startExerciseForm(entidad: Entidad, today: LocalDate): SafeHtml {
  return actionForm(
    'Iniciar ejercicio',
    '/api/exercises',
    'Ejercicio iniciado.',
    html`<input type="hidden" name="entidad" value="${entidad}">
      ${dateField('inicio-fecha', 'startedOn', 'Fecha de firma de la Declaración Conjunta', today, { max: today })}`,
  );
}

export function completeStageForm(exerciseId: string, exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const pending = exercise.stages.filter((stage) => stage.status === 'pendiente');
  if (pending.length === 0) return html``;
  return actionForm(
    'Concluir etapa',
    `/api/exercises/${exerciseId}/stages/{stage}/complete`,
    'Etapa concluida.',
    html`<div class="row">
        <div class="field"><label for="etapa-numero">Etapa</label>
          <select id="etapa-numero" name="stage">${pending.map(
            (stage) => html`<option value="${stage.number}"${stage.number === exercise.currentStage ? html` selected` : ''}>${stage.number}. ${stage.name}</option>`,
          )}</select></div>
        ${dateField('etapa-fecha', 'completedOn', 'Fecha en que concluyó', today, { max: today })}
      </div>
      ${textareaField('etapa-evidencia', 'evidence', 'Enlaces a la evidencia', 'Un enlace http(s) por línea: acta, convocatoria, fotografías publicadas en el micrositio.')}
      ${textareaField('etapa-justificacion', 'justification', 'Justificación', 'Obligatoria para omitir etapas anteriores o fusionarlas en un solo acto (Anexo 1).', { lines: false })}`,
  );
}

/** Only steps 1 (Declaración Conjunta) and 4 (mesas) are completed by hand; the others follow from facts. */
export function completeStepForm(exerciseId: string, exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const pending = exercise.steps.filter((step) => step.status === 'pendiente' && (step.number === 1 || step.number === 4));
  if (pending.length === 0) return html``;
  return actionForm(
    'Concluir paso',
    `/api/exercises/${exerciseId}/steps/{step}/complete`,
    'Paso concluido.',
    html`<div class="row">
        <div class="field"><label for="paso-numero">Paso</label>
          <select id="paso-numero" name="step">${pending.map((step) => html`<option value="${step.number}">${step.number}. ${step.name}</option>`)}</select></div>
        ${dateField('paso-fecha', 'completedOn', 'Fecha en que concluyó', today, { max: today })}
      </div>
      ${textareaField('paso-evidencia', 'evidence', 'Enlaces a la evidencia', 'Un enlace http(s) por línea: la Declaración Conjunta firmada, las relatorías de las mesas.')}
      <p class="hint">Los pasos 2, 3, 5 y 6 se concluyen solos: con sus etapas, la instalación del STL, el lanzamiento del PAL y su evaluación.</p>`,
  );
}

export function conveneSessionForm(entidad: Entidad, today: LocalDate): SafeHtml {
  return actionForm(
    'Convocar sesión',
    `/api/stls/${entidad}/sessions`,
    'Sesión convocada.',
    html`<div class="row">
        ${dateField('sesion-fecha', 'date', 'Fecha de la sesión', '', {
          extra: html` data-notice-deadline="/api/calendar/notice-deadline?entidad=${entidad}" aria-describedby="sesion-fecha-plazo"`,
        })}
        <div class="field"><label for="sesion-tipo">Tipo</label>
          <select id="sesion-tipo" name="kind"><option value="ordinaria">Ordinaria</option><option value="extraordinaria">Extraordinaria</option></select></div>
        ${dateField('sesion-convocatoria', 'convokedOn', 'Fecha de la convocatoria', today, { max: today })}
      </div>
      <p class="hint" id="sesion-fecha-plazo" aria-live="polite">Elija la fecha para ver hasta cuándo puede convocarse (cinco días hábiles de aviso).</p>
      ${textareaField('sesion-orden', 'agenda', 'Orden del día', 'Un punto por línea.', { required: true })}
      <div class="row">
        ${textField('sesion-lugar', 'place', 'Lugar')}
        ${textField('sesion-enlace', 'link', 'Enlace de la sesión virtual', { type: 'url' })}
      </div>`,
  );
}

function sessionSelect(id: string, sessions: readonly StlSessionView[]): SafeHtml {
  return html`<div class="field"><label for="${id}">Sesión</label>
    <select id="${id}" name="id" required>${sessions.map(
      (session) => html`<option value="${session.sessionId}">${fechaLarga(session.date)} (${session.kind})</option>`,
    )}</select></div>`;
}

function memberLabel(member: StlMemberView): string {
  return `${member.nombre} — ${sectorName(member.sector)}, ${memberRoleName(member.role).toLowerCase()}`;
}

export function attendanceForm(entidad: Entidad, stl: StlSummary, sessions: readonly StlSessionView[], members: readonly StlMemberView[], today: LocalDate): SafeHtml {
  const open = sessions.filter((session) => session.status === 'convocada' && session.date <= today);
  if (open.length === 0) return html``;
  const people = [
    ...members.map((member) => ({ id: member.memberId, label: memberLabel(member) })),
    ...(stl.facilitador ? [{ id: stl.facilitador.facilitadorId, label: `${stl.facilitador.nombre} — facilitador` }] : []),
  ];
  return actionForm(
    'Registrar asistencia',
    `/api/stls/${entidad}/sessions/{id}/attendance`,
    'Asistencia registrada.',
    html`${sessionSelect('asistencia-sesion', open)}
      <fieldset><legend>Presentes</legend><div class="checks">${people.map(
        (person, index) => html`<label><input type="checkbox" name="present" value="${person.id}" data-list id="presente-${index}"> ${person.label}</label>`,
      )}</div></fieldset>`,
  );
}

export function decisionForm(entidad: Entidad, sessions: readonly StlSessionView[], members: readonly StlMemberView[]): SafeHtml {
  const held = sessions.filter((session) => session.status === 'celebrada');
  if (held.length === 0) return html``;
  const voters = members.filter((member) => member.hasVote && member.role !== 'invitado');
  return actionForm(
    'Registrar acuerdo',
    `/api/stls/${entidad}/sessions/{id}/decisions`,
    'Acuerdo registrado.',
    html`${sessionSelect('acuerdo-sesion', held)}
      ${textField('acuerdo-asunto', 'subject', 'Asunto', { required: true, size: 60 })}
      <div><label><input type="checkbox" name="consensus" id="acuerdo-consenso"> Se aprobó por consenso</label></div>
      <fieldset><legend>Votos (si no hubo consenso)</legend><div class="checks">${voters.map(
        (member, index) => html`<label for="voto-${index}">${memberLabel(member)}
          <select id="voto-${index}" name="votes" data-vote data-member="${member.memberId}">
            <option value="">—</option><option value="favor">A favor</option><option value="contra">En contra</option><option value="impedimento">Impedimento</option>
          </select></label>`,
      )}</div></fieldset>`,
  );
}

export function facilitadorForms(entidad: Entidad, stl: StlSummary, today: LocalDate): SafeHtml {
  const appoint = actionForm(
    stl.facilitadorVacante ? 'Nombrar facilitador' : 'Nombrar otro facilitador',
    `/api/stls/${entidad}/facilitador`,
    'Facilitador nombrado.',
    html`<div class="row">
        ${textField('facilitador-nombre', 'nombre', 'Nombre', { required: true })}
        ${textField('facilitador-procedencia', 'procedencia', 'Procedencia (de preferencia academia o sociedad civil)', { required: true })}
      </div>
      <div class="row">
        ${textField('facilitador-organizacion', 'organizacion', 'Institución')}
        ${textField('facilitador-correo', 'email', 'Correo para recordatorios', { type: 'email' })}
        ${dateField('facilitador-fecha', 'appointedOn', 'Fecha del nombramiento', today, { max: today })}
      </div>`,
    { 'data-method': 'PUT' },
  );
  if (stl.facilitadorVacante) return appoint;
  const vacate = actionForm(
    'Declarar vacante la facilitación',
    `/api/stls/${entidad}/facilitador`,
    'Puesto de facilitador declarado vacante.',
    html`${dateField('vacante-fecha', 'vacatedOn', 'Fecha en que quedó vacante', today, { max: today })}
      ${textField('vacante-motivo', 'reason', 'Motivo', { required: true, size: 60 })}`,
    { 'data-method': 'DELETE', 'data-confirm': '¿Declarar vacante el puesto de facilitador? Se avisará al organismo garante y al enlace.' },
  );
  return html`${appoint}${vacate}`;
}
