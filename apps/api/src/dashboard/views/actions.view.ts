import { type Entidad, type ExerciseSummary, type LocalDate, type RecordedDecision, type StlSummary } from '@app/domain';
import { type StlMemberView, type StlSessionView } from '@app/persistence';
import { memberRoleName, REMOVAL_CAUSE_LABELS, sectorName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type HtmlValue, type SafeHtml } from '../html/html';
import { reservedActFields } from './governance.view';

/**
 * The forms behind the acts of the method. Each one is a plain form whose script (tablero.js) sends its fields as
 * JSON to the API named in `data-api` ({field} in the path comes from that field) and shows the API's answer.
 * The API decides; these forms only ask. Each sits in a `details#form-…`, the target of the links that say what a
 * step still needs.
 */
export interface ActionOptions {
  /** `form-…`: the anchor of the form, and the key of what the person typed (kept across a reload). */
  readonly id: string;
  readonly summary: string;
  readonly api: string;
  readonly success: string;
  readonly method?: 'POST' | 'PUT' | 'DELETE';
  readonly confirm?: string;
  /** People's ids and their names, so the API's messages name people. */
  readonly names?: Readonly<Record<string, string>>;
  readonly attributes?: Readonly<Record<string, string>>;
}

export function actionForm(options: ActionOptions, fields: HtmlValue): SafeHtml {
  const attributes = {
    ...(options.method && options.method !== 'POST' && { 'data-method': options.method }),
    ...(options.confirm && { 'data-confirm': options.confirm }),
    ...(options.names && { 'data-names': JSON.stringify(options.names) }),
    ...options.attributes,
  };
  return html`<details class="action" id="${options.id}">
    <summary>${options.summary}</summary>
    <form class="action-form" id="${options.id}-datos" data-api="${options.api}" data-success="${options.success}"${Object.entries(attributes).map(
      ([name, value]) => html` ${name}="${value}"`,
    )} novalidate>
      ${fields}
      <div class="form-status" tabindex="-1"></div>
      <div><button type="submit">${options.summary}</button></div>
    </form>
  </details>`;
}

function optional(required: boolean): SafeHtml | string {
  return required ? '' : html` <span class="muted">(opcional)</span>`;
}

export function dateField(id: string, name: string, label: string, value: LocalDate, options: { max?: LocalDate; extra?: SafeHtml } = {}): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}</label>
    <input type="date" id="${id}" name="${name}" value="${value}" required${options.max ? html` max="${options.max}"` : ''}${options.extra ?? ''}></div>`;
}

export function textField(id: string, name: string, label: string, options: { required?: boolean; type?: string; value?: string } = {}): SafeHtml {
  const required = options.required ?? false;
  return html`<div class="field"><label for="${id}">${label}${optional(required)}</label>
    <input type="${options.type ?? 'text'}" id="${id}" name="${name}"${options.value ? html` value="${options.value}"` : ''}${required ? html` required` : ''}></div>`;
}

/** A textarea; with `lines`, sent as a list of its non-empty lines; with `urls`, each line must be a link. */
export function textareaField(
  id: string,
  name: string,
  label: string,
  hint: string,
  options: { required?: boolean; lines?: boolean; urls?: boolean; value?: string } = {},
): SafeHtml {
  const { required = false, lines = true, urls = false } = options;
  return html`<div class="field"><label for="${id}">${label}${optional(required)}</label>
    <textarea id="${id}" name="${name}"${lines ? html` data-lines` : ''}${urls ? html` data-urls` : ''} rows="2" aria-describedby="${id}-ayuda"${required ? html` required` : ''}>${options.value ?? ''}</textarea>
    <p class="hint" id="${id}-ayuda">${hint}</p></div>`;
}

export function selectField(id: string, name: string, label: string, choices: readonly (readonly [string, string])[], extra: SafeHtml | string = ''): SafeHtml {
  return html`<div class="field"><label for="${id}">${label}</label>
    <select id="${id}" name="${name}" required${extra}>${choices.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></div>`;
}

export function evidenceField(id: string, hint: string): SafeHtml {
  return textareaField(id, 'evidence', 'Enlaces a la evidencia', `Un enlace http(s) por línea: ${hint}`, { urls: true });
}

export function startExerciseForm(entidad: Entidad, today: LocalDate): SafeHtml {
  return actionForm(
    { id: 'form-iniciar', summary: 'Iniciar ejercicio', api: '/api/exercises', success: 'Ejercicio iniciado.' },
    html`<input type="hidden" name="entidad" value="${entidad}">
      ${dateField('inicio-fecha', 'startedOn', 'Fecha de firma de la Declaración Conjunta', today, { max: today })}`,
  );
}

export function completeStageForm(exerciseId: string, exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const pending = exercise.stages.filter((stage) => stage.status === 'pendiente');
  if (pending.length === 0) return html``;
  return actionForm(
    { id: 'form-etapa', summary: 'Concluir etapa', api: `/api/exercises/${exerciseId}/stages/{stage}/complete`, success: 'Etapa concluida.' },
    html`<div class="row">
        <div class="field"><label for="etapa-numero">Etapa</label>
          <select id="etapa-numero" name="stage">${pending.map(
            (stage) => html`<option value="${stage.number}"${stage.number === exercise.currentStage ? html` selected` : ''}>${stage.number}. ${stage.name}</option>`,
          )}</select></div>
        ${dateField('etapa-fecha', 'completedOn', 'Fecha en que concluyó', today, { max: today })}
      </div>
      ${evidenceField('etapa-evidencia', 'acta, convocatoria, fotografías publicadas en el micrositio.')}
      ${textareaField('etapa-justificacion', 'justification', 'Justificación', 'Obligatoria para omitir etapas anteriores o fusionarlas en un solo acto (Anexo 1).', { lines: false })}`,
  );
}

/** Only steps 1 (Declaración Conjunta) and 4 (mesas) are completed by hand; the others follow from facts. */
export function completeStepForm(exerciseId: string, exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const pending = exercise.steps.filter((step) => step.status === 'pendiente' && (step.number === 1 || step.number === 4));
  if (pending.length === 0) return html``;
  return actionForm(
    { id: 'form-paso', summary: 'Concluir paso', api: `/api/exercises/${exerciseId}/steps/{step}/complete`, success: 'Paso concluido.' },
    html`<div class="row">
        <div class="field"><label for="paso-numero">Paso</label>
          <select id="paso-numero" name="step">${pending.map((step) => html`<option value="${step.number}">${step.number}. ${step.name}</option>`)}</select></div>
        ${dateField('paso-fecha', 'completedOn', 'Fecha en que concluyó', today, { max: today })}
      </div>
      ${evidenceField('paso-evidencia', 'la Declaración Conjunta firmada, las relatorías de las mesas.')}
      <p class="hint">Los pasos 2, 3, 5 y 6 se concluyen solos: con sus etapas, la integración del STL, el lanzamiento del PAL y su evaluación.</p>`,
  );
}

/** The governance mechanism and the annual agenda, requirements of step 3 (the STL adopts both). */
export function adoptedDocumentForms(exerciseId: string, exercise: ExerciseSummary, today: LocalDate): SafeHtml {
  const form = (id: string, summary: string, path: string, success: string, prefix: string) =>
    actionForm(
      { id, summary, api: `/api/exercises/${exerciseId}/${path}`, success },
      html`<div class="row">
        ${dateField(`${prefix}-fecha`, 'adoptedOn', 'Fecha en que el STL lo adoptó', today, { max: today })}
        ${textField(`${prefix}-enlace`, 'documentUrl', 'Enlace al documento publicado', { required: true, type: 'url' })}
      </div>`,
    );
  return html`${exercise.governanceMechanism ? '' : form('form-mecanismo', 'Registrar mecanismo de gobernanza', 'governance-mechanism', 'Mecanismo de gobernanza registrado.', 'mecanismo')}
    ${exercise.annualAgenda ? '' : form('form-agenda-anual', 'Registrar agenda anual', 'annual-agenda', 'Agenda anual registrada.', 'agenda')}`;
}

/** «María Ruiz — Sociedad civil, titular». */
export function memberLabel(member: Pick<StlMemberView, 'nombre' | 'sector' | 'role'>): string {
  return `${member.nombre} — ${sectorName(member.sector)}, ${memberRoleName(member.role).toLowerCase()}`;
}

/** Ids of members and facilitador with their names, for the messages of the API. */
export function peopleNames(stl: StlSummary | undefined, members: readonly StlMemberView[]): Record<string, string> {
  // A seat (representación) is named after its titular: the API counts votes and quorum by seat.
  const seats: [string, string][] = members
    .filter((member) => member.role === 'titular' && member.seatId && member.seatId !== member.memberId)
    .map((member) => [member.seatId as string, member.nombre]);
  const entries: [string, string][] = [...seats, ...members.map((member): [string, string] => [member.memberId, member.nombre])];
  if (stl?.facilitador) entries.push([stl.facilitador.facilitadorId, stl.facilitador.nombre]);
  return Object.fromEntries(entries);
}

const SECTOR_CHOICES = [
  ['gobierno', 'Gobierno'],
  ['sociedad_civil', 'Sociedad civil'],
  ['garante', 'Organismo garante'],
] as const;

/**
 * A new member: titular of a sector, or suplente / enlace of a titular, or invitado (MG cap. III and IV). The id is
 * drawn when the page is drawn, so a double submission of this form names the same person.
 */
export function addMemberForm(
  entidad: Entidad,
  stl: StlSummary,
  members: readonly StlMemberView[],
  sessions: readonly StlSessionView[],
  today: LocalDate,
  memberId: string,
): SafeHtml {
  const titulares = members.filter((member) => member.role === 'titular');
  const sectors = stl.extraSectorName ? [...SECTOR_CHOICES, ['adicional', stl.extraSectorName] as const] : SECTOR_CHOICES;
  return actionForm(
    { id: 'form-integrante', summary: 'Agregar integrante', api: `/api/stls/${entidad}/members`, success: 'Integrante agregado.', names: peopleNames(stl, members) },
    html`<input type="hidden" name="memberId" value="${memberId}">
      <div class="row">
        ${selectField('integrante-sector', 'sector', 'Sector', sectors)}
        ${selectField('integrante-funcion', 'role', 'Función', [
          ['titular', 'Titular'],
          ['suplente', 'Suplente de un titular'],
          ['enlace', 'Enlace de un titular'],
          ['invitado', 'Invitado (voz sin voto)'],
        ])}
      </div>
      <div class="row">
        ${textField('integrante-nombre', 'nombre', 'Nombre completo', { required: true })}
        ${textField('integrante-organizacion', 'organizacion', 'Institución u organización', { required: true })}
      </div>
      <div class="row">
        ${textField('integrante-cargo', 'cargo', 'Cargo')}
        ${textField('integrante-correo', 'email', 'Correo para convocatorias', { type: 'email' })}
        ${dateField('integrante-fecha', 'joinedOn', 'Fecha de incorporación', today, { max: today })}
      </div>
      ${titulares.length > 0
        ? html`<div class="field"><label for="integrante-titular">Titular a quien suple o representa <span class="muted">(solo suplentes y enlaces)</span></label>
            <select id="integrante-titular" name="titularId"><option value="">—</option>${titulares.map(
              (member) => html`<option value="${member.memberId}">${memberLabel(member)}</option>`,
            )}</select></div>`
        : ''}
      ${stl.status === 'instalado' ? html`<p class="small muted">Un titular nuevo en un STL instalado lo incorpora el STL por acuerdo (MG cap. IV, VIII).</p>` : ''}
      ${reservedActFields('integrante', stl, sessions, 'add_titular')}`,
  );
}

/** Resignation (a titular with a suplente leaves the suplente as titular) and removal, proposed then decided. */
export function memberChangeForms(entidad: Entidad, stl: StlSummary, members: readonly StlMemberView[], sessions: readonly StlSessionView[], today: LocalDate): SafeHtml {
  if (members.length === 0) return html``;
  const names = peopleNames(stl, members);
  const memberChoices = members.map((member) => [member.memberId, memberLabel(member)] as const);
  const resign = actionForm(
    {
      id: 'form-renuncia',
      summary: 'Registrar renuncia',
      api: `/api/stls/${entidad}/members/{memberId}/resign`,
      success: 'Renuncia registrada.',
      names,
      confirm: '¿Registrar la renuncia? Si es titular con suplente, el suplente queda como titular.',
    },
    html`<div class="row">${selectField('renuncia-integrante', 'memberId', 'Integrante', memberChoices)}
      ${dateField('renuncia-fecha', 'on', 'Fecha de la renuncia', today, { max: today })}</div>`,
  );
  if (stl.status !== 'instalado') return resign;
  const propose = actionForm(
    { id: 'form-remocion', summary: 'Proponer remoción', api: `/api/stls/${entidad}/members/{memberId}/removal/propose`, success: 'Remoción propuesta.', names },
    html`<div class="row">${selectField('remocion-integrante', 'memberId', 'Integrante', memberChoices)}
      ${selectField('remocion-causa', 'cause', 'Causa', Object.entries(REMOVAL_CAUSE_LABELS))}
      ${selectField('remocion-propone', 'proposedBy', 'Quién la propone', memberChoices)}
      ${dateField('remocion-fecha', 'proposedOn', 'Fecha de la propuesta', today, { max: today })}</div>
      <p class="small muted">La vota el STL en una sesión posterior a esta fecha, con su regla de decisión (MG cap. III).</p>`,
  );
  // The removal follows the session's vote on it (a decision about `remove_member`); without a registered session,
  // a historical act says which way it went.
  const decide = actionForm(
    { id: 'form-remocion-decision', summary: 'Decidir remoción', api: `/api/stls/${entidad}/members/{memberId}/removal/decide`, success: 'Remoción decidida.', names },
    html`${selectField('decision-remocion-integrante', 'memberId', 'Integrante', memberChoices)}
      ${removalVoteFields(sessions)}
      <div class="field"><label for="decision-remocion-sentido">Sentido <span class="muted">(solo acto sin sesión registrada)</span></label>
        <select id="decision-remocion-sentido" name="approved" data-boolean><option value="">—</option><option value="true">Se removió</option><option value="false">Se rechazó la propuesta</option></select></div>
      <div class="field"><label for="decision-remocion-justificacion">Acto sin sesión registrada: justificación <span class="muted">(si no indica la votación)</span></label>
        <input type="text" id="decision-remocion-justificacion" name="historical.justification"></div>`,
  );
  return html`${resign}${propose}${decide}`;
}

/** The votes on removals the sessions recorded (approved or not: the outcome is the removal's). */
function removalVoteFields(sessions: readonly StlSessionView[]): SafeHtml {
  const votes = sessions.flatMap((session) =>
    (session.decisions as readonly RecordedDecision[]).flatMap((decision, index) =>
      decision.act?.kind === 'remove_member'
        ? [{ session, decisionId: String(index + 1), label: `${fechaLarga(session.date)} — acuerdo ${index + 1}: ${decision.subject} (${decision.approved ? 'aprobada' : 'rechazada'})` }]
        : [],
    ),
  );
  if (votes.length === 0) return html`<p class="small muted">Registre primero, en una sesión posterior a la propuesta, el acuerdo votado sobre la remoción.</p>`;
  return html`<div class="row"><div class="field"><label for="decision-remocion-sesion">Sesión de la votación</label>
      <select id="decision-remocion-sesion" name="decision.sessionId"><option value="">—</option>${[...new Set(votes.map((vote) => vote.session.sessionId))].map(
        (sessionId) => html`<option value="${sessionId}">${sessionId}</option>`,
      )}</select></div>
    <div class="field"><label for="decision-remocion-acuerdo">Votación</label>
      <select id="decision-remocion-acuerdo" name="decision.decisionId"><option value="">—</option>${votes.map(
        (vote) => html`<option value="${vote.decisionId}">${vote.session.sessionId} · ${vote.label}</option>`,
      )}</select></div></div>`;
}

/**
 * Stage 10 asks the STL to install itself once; an STL that could not then (a sector without titular) is installed
 * here, once its titulares are elected. The API refuses it while a sector still lacks one, and says which.
 */
export function installStlForm(entidad: Entidad, stl: StlSummary, today: LocalDate): SafeHtml {
  if (stl.status === 'instalado') return html``;
  return actionForm(
    { id: 'form-instalacion', summary: 'Registrar la instalación del STL', api: `/api/stls/${entidad}/installation`, success: 'Instalación del STL registrada.' },
    html`<div class="row">
        ${dateField('instalacion-fecha', 'installedOn', 'Fecha de instalación', today, { max: today })}
        ${textField('instalacion-acta', 'actaUrl', 'Enlace al acta de instalación', { type: 'url' })}
      </div>
      <p class="hint">La sesión de instalación, con al menos un titular de gobierno, de sociedad civil y del organismo garante. Si la etapa 10 ya se concluyó sin instalar el STL, regístrela aquí.</p>`,
  );
}

/**
 * Appointing while nobody holds the post, declaring it vacant while somebody does: the API refuses a second
 * appointment over the first ("primero registre la vacante"), so the board never offers it.
 */
export function facilitadorForms(entidad: Entidad, stl: StlSummary, sessions: readonly StlSessionView[], today: LocalDate): SafeHtml {
  if (stl.facilitador !== null) return vacateFacilitadorForm(entidad, today);
  return actionForm(
    {
      id: 'form-facilitador',
      summary: 'Nombrar facilitador',
      api: `/api/stls/${entidad}/facilitador`,
      success: 'Facilitador nombrado.',
      method: 'PUT',
    },
    html`<div class="row">
        ${textField('facilitador-nombre', 'nombre', 'Nombre', { required: true })}
        ${textField('facilitador-procedencia', 'procedencia', 'Procedencia (de preferencia academia o sociedad civil)', { required: true })}
      </div>
      <div class="row">
        ${textField('facilitador-organizacion', 'organizacion', 'Institución')}
        ${textField('facilitador-correo', 'email', 'Correo para recordatorios', { type: 'email' })}
        ${dateField('facilitador-fecha', 'appointedOn', 'Fecha del nombramiento', today, { max: today })}
      </div>
      ${reservedActFields('facilitador', stl, sessions, 'appoint_facilitador')}`,
  );
}

function vacateFacilitadorForm(entidad: Entidad, today: LocalDate): SafeHtml {
  return actionForm(
    {
      id: 'form-facilitador-vacante',
      summary: 'Declarar vacante la facilitación',
      api: `/api/stls/${entidad}/facilitador`,
      success: 'Puesto de facilitador declarado vacante.',
      method: 'DELETE',
      confirm: '¿Declarar vacante el puesto de facilitador? Se avisará al organismo garante y al enlace.',
    },
    html`<p class="small muted">Para nombrar a otra persona, registre primero la vacante.</p>
      ${dateField('vacante-fecha', 'vacatedOn', 'Fecha en que quedó vacante', today, { max: today })}
      ${textField('vacante-motivo', 'reason', 'Motivo', { required: true })}`,
  );
}
