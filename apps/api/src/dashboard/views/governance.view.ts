import {
  DECISION_RULES,
  type Entidad,
  type GovernanceBasis,
  type GovernanceMechanism,
  type GovernanceVersion,
  type HistoricalReservedAct,
  type LocalDate,
  progressPeriodName,
  progressReportMonths,
  type RecordedDecision,
  type ReservedActKind,
  reservedActName,
  SECTORS,
  type StlSummary,
  type TieBreak,
} from '@app/domain';
import { type StlMemberView, type StlSessionView } from '@app/persistence';
import { decisionRuleName, sectorName } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { actionForm, dateField, memberLabel, peopleNames, selectField, textField } from './actions.view';
import { badge, facts } from './components';

const TEMPLATE_NAMES = { minimos_guia: 'Mínimos de la guía', edomex_2019: 'Estado de México 2019' } as const;
const CONVENER_NAMES = { facilitador: 'El facilitador', garante: 'El organismo garante', cualquier_integrante: 'Cualquier integrante' } as const;

function tieBreakText(tieBreak: TieBreak, stl: StlSummary): string {
  if (tieBreak.kind === 'none') return 'Sin voto de calidad: el empate no aprueba';
  if (tieBreak.kind === 'sector') {
    const sector = tieBreak.sector === 'adicional' ? (stl.extraSectorName ?? 'sector adicional') : sectorName(tieBreak.sector).toLowerCase();
    return `Voto de calidad de ${sector}`;
  }
  return `Voto de calidad de la representación ${tieBreak.seatId}`;
}

function basisText(basis: GovernanceBasis): string {
  switch (basis.kind) {
    case 'registro':
      return 'Provisional, desde el registro (falta adoptarlo en la etapa 9)';
    case 'integracion':
      return 'Adoptado en la integración del STL (etapa 9)';
    case 'decision':
      return `Decisión ${basis.decisionId} de la sesión ${basis.sessionId}`;
    case 'historico':
      // The sentence ends where the page puts its own period: a justification's own would double it.
      return `Acto sin sesión registrada: ${basis.justification.replace(/[.\s]+$/, '')}`;
    case 'anterior':
      return 'Reglas con que el sistema juzgó al STL antes de registrar su mecanismo';
  }
}

function mechanismFacts(mechanism: GovernanceMechanism, stl: StlSummary): SafeHtml {
  const removal = mechanism.removal;
  return facts([
    ['Plantilla de origen', TEMPLATE_NAMES[mechanism.basedOn]],
    ['Anticipación de la convocatoria', `${mechanism.notice.businessDays} días hábiles`],
    ['Quórum', mechanism.quorum.civilSocietyRequired ? 'Mayoría de representaciones activas, con sociedad civil presente' : 'Mayoría de representaciones activas'],
    ['Regla de decisión', decisionRuleName(mechanism.decision.rule)],
    ['Desempate', tieBreakText(mechanism.decision.tieBreak, stl)],
    ['Remoción por inasistencias', removal ? `${removal.absences} inasistencias${removal.consecutive ? ' seguidas' : ' en total'}: un integrante la propone` : 'No prevista'],
    ['Convoca', CONVENER_NAMES[mechanism.convenes]],
    ['Renovación de la sociedad civil', mechanism.renewal.civilSocietyAtPalEnd ? 'Al concluir cada PAL' : 'Sin regla propia'],
    ['Reporte de avance de los compromisos', progressReportText(mechanism)],
  ]);
}

function progressReportText(mechanism: GovernanceMechanism): string {
  if (mechanism.progress === undefined) return 'Cada 2 meses: el mecanismo no fija otro periodo y rige el ritmo bimestral de las sesiones';
  const months = progressReportMonths(mechanism);
  return `Cada ${months === 1 ? 'mes' : `${months} meses`} (${progressPeriodName(months)})`;
}

function validity(version: GovernanceVersion): string {
  const from = version.validFrom === null ? 'desde el registro' : `desde el ${fechaLarga(version.validFrom)}`;
  return version.validUntil === null ? `${from}, vigente` : `${from} hasta el ${fechaLarga(version.validUntil)}`;
}

function actWithoutSession(act: HistoricalReservedAct, nameOf: (memberId: string) => string | undefined): SafeHtml {
  return html`<li>Acto sin sesión registrada: ${reservedActName(act.act, nameOf)} (${fechaLarga(act.on)}). Justificación: ${act.justification}</li>`;
}

/**
 * The STL's mecanismo de gobernanza: the version in force, its history, and what it warns about. A seat past the
 * absences of the mechanism is a suggestion for a member to act on: with `acts`, it links to the proposal's form.
 */
export function governanceSection(stl: StlSummary, acts = false, nameOf: (memberId: string) => string | undefined = () => undefined): SafeHtml {
  // Rows projected before mechanisms carry none until their STL changes again.
  const governance = (stl as Partial<Pick<StlSummary, 'governance'>>).governance;
  if (!governance) return html``;
  const warnings = [
    ...governance.actsWithoutSession.map((act) => actWithoutSession(act, nameOf)),
    ...governance.removalSuggestions.map(
      (suggestion) => html`<li data-removal-suggestion="${suggestion.titularId}">${suggestion.message}${acts ? html` <a href="#form-remocion">Proponer la remoción</a>` : ''}</li>`,
    ),
  ];
  return html`<h3 id="mecanismo">Mecanismo de gobernanza ${governance.adopted ? '' : badge('Sin adoptar', 'warn')}</h3>
    ${mechanismFacts(governance.current.mechanism, stl)}
    <p class="small muted">Versión ${governance.current.version}, ${validity(governance.current)}. ${basisText(governance.current.basis)}.</p>
    ${warnings.length > 0 ? html`<div class="notice" role="note"><strong>Advertencias del mecanismo</strong><ul class="warnings">${warnings}</ul></div>` : ''}
    ${governance.history.length > 1
      ? html`<div class="table-wrap"><table>
          <caption>Versiones del mecanismo</caption>
          <thead><tr><th scope="col">Versión</th><th scope="col">Vigencia</th><th scope="col">Regla de decisión</th><th scope="col">Desempate</th><th scope="col">Sustento</th></tr></thead>
          <tbody>${governance.history.map(
            (version) => html`<tr><td>${version.version}</td><td>${validity(version)}</td><td>${decisionRuleName(version.mechanism.decision.rule)}</td>
              <td>${tieBreakText(version.mechanism.decision.tieBreak, stl)}</td><td>${basisText(version.basis)}</td></tr>`,
          )}</tbody></table></div>`
      : ''}`;
}

/** Approved decisions about `kind` (and `memberId`, when the act names one): what a reserved act may rest on. */
function decisionsAbout(sessions: readonly StlSessionView[], kind: ReservedActKind): { sessionId: string; decisionId: string; label: string }[] {
  return sessions.flatMap((session) =>
    (session.decisions as readonly RecordedDecision[]).flatMap((decision, index) =>
      decision.approved && decision.act?.kind === kind
        ? [{ sessionId: session.sessionId, decisionId: String(index + 1), label: `${fechaLarga(session.date)} — acuerdo ${index + 1}: ${decision.subject}` }]
        : [],
    ),
  );
}

/**
 * What an act reserved to the STL rests on, for an installed STL: the session and the number of its approved decision
 * about the act, or, when no session was registered, the justification of a historical act.
 */
export function reservedActFields(prefix: string, stl: StlSummary, sessions: readonly StlSessionView[], kind: ReservedActKind): SafeHtml {
  if (stl.status !== 'instalado') return html``;
  const candidates = decisionsAbout(sessions, kind);
  const sessionIds = [...new Set(candidates.map((candidate) => candidate.sessionId))];
  return html`<fieldset><legend>Acuerdo del STL que lo sustenta</legend>
    ${candidates.length > 0
      ? html`<div class="row"><div class="field"><label for="${prefix}-sesion">Sesión</label>
          <select id="${prefix}-sesion" name="decision.sessionId"><option value="">—</option>${sessionIds.map(
            (sessionId) => html`<option value="${sessionId}">${sessionId}</option>`,
          )}</select></div>
          <div class="field"><label for="${prefix}-acuerdo">Acuerdo aprobado</label>
          <select id="${prefix}-acuerdo" name="decision.decisionId"><option value="">—</option>${candidates.map(
            (candidate) => html`<option value="${candidate.decisionId}">${candidate.sessionId} · ${candidate.label}</option>`,
          )}</select></div></div>`
      : html`<p class="small muted">No hay acuerdos aprobados sobre este acto: regístrelo en una sesión, o como acto sin sesión registrada.</p>`}
    <div class="field"><label for="${prefix}-justificacion">Acto sin sesión registrada: justificación <span class="muted">(si no indica el acuerdo)</span></label>
      <input type="text" id="${prefix}-justificacion" name="historical.justification"></div>
  </fieldset>`;
}

/**
 * Stage 9, and every later change: a template and the STL's own choices over it. Once installed the change rests on
 * the STL's decision (or a historical act); empty fields keep the template's value.
 */
export function governanceForm(entidad: Entidad, stl: StlSummary, sessions: readonly StlSessionView[], today: LocalDate): SafeHtml {
  // An STL installed under its registration's provisional version still adopts its first one (stage 9), by decision.
  // The date is the adoption's when recorded without a session; with the STL's decision, the session's rules.
  return actionForm(
    {
      id: 'form-mecanismo-stl',
      summary: stl.governance.adopted ? 'Cambiar el mecanismo de gobernanza' : 'Adoptar el mecanismo de gobernanza (etapa 9)',
      api: `/api/stls/${entidad}/governance`,
      success: 'Mecanismo de gobernanza registrado.',
      method: 'PUT',
    },
    html`<div class="row">
        ${selectField('mecanismo-stl-plantilla', 'mechanism.template', 'Plantilla', [
          ['minimos_guia', TEMPLATE_NAMES.minimos_guia],
          ['edomex_2019', TEMPLATE_NAMES.edomex_2019],
        ])}
        <div class="field"><label for="mecanismo-stl-regla">Regla de decisión <span class="muted">(opcional)</span></label>
          <select id="mecanismo-stl-regla" name="mechanism.decisionRule"><option value="">La de la plantilla</option>${DECISION_RULES.map(
            (rule) => html`<option value="${rule}">${decisionRuleName(rule)}</option>`,
          )}</select></div>
      </div>
      <div class="row">
        <div class="field"><label for="mecanismo-stl-desempate">Desempate <span class="muted">(opcional)</span></label>
          <select id="mecanismo-stl-desempate" name="mechanism.tieBreak.kind"><option value="">El de la plantilla</option>
            <option value="none">Sin voto de calidad</option><option value="sector">Voto de calidad de un sector</option></select></div>
        <div class="field"><label for="mecanismo-stl-desempate-sector">Sector con voto de calidad <span class="muted">(opcional)</span></label>
          <select id="mecanismo-stl-desempate-sector" name="mechanism.tieBreak.sector"><option value="">—</option>${SECTORS.map(
            (sector) => html`<option value="${sector}">${sector === 'adicional' ? (stl.extraSectorName ?? sectorName(sector)) : sectorName(sector)}</option>`,
          )}</select></div>
      </div>
      <div class="row">
        ${textField('mecanismo-stl-aviso', 'mechanism.noticeBusinessDays', 'Días hábiles de anticipación', { type: 'number' })}
        ${textField('mecanismo-stl-avance', 'mechanism.progressReportMonths', 'Meses entre reportes de avance', { type: 'number' })}
      </div>
      <div class="row">
        ${textField('mecanismo-stl-ausencias', 'mechanism.removal.absences', 'Inasistencias que abren la remoción', { type: 'number' })}
        <div class="field"><label for="mecanismo-stl-seguidas">Cómo se cuentan <span class="muted">(con las inasistencias)</span></label>
          <select id="mecanismo-stl-seguidas" name="mechanism.removal.consecutive" data-boolean><option value="">—</option>
            <option value="true">Seguidas</option><option value="false">En total</option></select></div>
      </div>
      ${dateField('mecanismo-stl-fecha', 'adoptedOn', 'Fecha de adopción', today, { max: today })}
      ${reservedActFields('mecanismo-stl', stl, sessions, 'change_mechanism')}`,
  );
}

/** A reunión de trabajo (MG cap. VI, 5): recorded apart from the sessions, never an absence. */
export function workingMeetingForm(entidad: Entidad, stl: StlSummary, members: readonly StlMemberView[], today: LocalDate, meetingId: string): SafeHtml {
  return actionForm(
    { id: 'form-reunion-trabajo', summary: 'Registrar reunión de trabajo', api: `/api/stls/${entidad}/working-meetings`, success: 'Reunión de trabajo registrada.', names: peopleNames(stl, members) },
    html`<input type="hidden" name="meetingId" value="${meetingId}">
      <div class="row">${textField('reunion-tema', 'topic', 'Tema', { required: true })}
        ${dateField('reunion-fecha', 'date', 'Fecha', today, { max: today })}</div>
      <fieldset><legend>Participaron (no cuenta como asistencia a sesión)</legend><div class="checks">${members.map(
        (member, index) => html`<label><input type="checkbox" name="participants" value="${member.memberId}" data-list id="reunion-participante-${index}"> ${memberLabel(member)}</label>`,
      )}</div></fieldset>`,
  );
}
