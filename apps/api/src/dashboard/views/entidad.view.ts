import { entidadName, type LocalDate } from '@app/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { canCommand, canHandleEscalations } from '../../auth/entidad-access';
import { cadenceStatus } from '../board/traffic-light';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { HISTORY_LIMIT, type EntidadRecord } from '../read-model/dashboard-reader';
import { governanceForm, workingMeetingForm } from './governance.view';
import {
  addMemberForm,
  adoptedDocumentForms,
  completeStageForm,
  completeStepForm,
  facilitadorForms,
  installStlForm,
  memberChangeForms,
  startExerciseForm,
} from './actions.view';
import { commitmentsTable, historicalActsList } from './commitments.view';
import { badge, facts, progressBar, trafficLight } from './components';
import { escalationsTable } from './escalations.view';
import { historyTable } from './history.view';
import { page } from './layout.view';
import { type NameOf, sessionsTable } from './sessions.view';
import { commitmentsForm, launchPalForm, type PalActs, progressForm, reviewForms } from './pal-actions.view';
import { attendanceForm, cancelSessionForm, conveneSessionForm, decisionForm, minutesForm, rescheduleSessionForm, type SessionActs } from './session-actions.view';
import { removalsSection } from './removals.view';
import { facilitadorSummary, stlSection } from './stl.view';
import { stepGuidance } from './guidance.view';
import { ganttChart, timelineTable } from './timeline.view';

export interface EntidadPage {
  readonly user: AuthenticatedUser;
  readonly today: LocalDate;
  readonly record: EntidadRecord;
  /** Where the public board lives, for the garante's iframe. */
  readonly publicUrl: string;
  /** The id the «Agregar integrante» form gives the new member (drawn per page, so a resubmission names the same). */
  readonly newMemberId: string;
}

const SECTIONS: readonly (readonly [string, string])[] = [
  ['cronograma', 'Pasos y etapas'],
  ['stl', 'STL'],
  ['sesiones', 'Sesiones'],
  ['compromisos', 'Compromisos del PAL'],
  ['escalamientos', 'Escalamientos'],
  ['historial', 'Historial'],
];

/** `14-1`, the exercise's id in the API's paths. */
function exerciseResource(record: EntidadRecord): string | undefined {
  return record.exercise ? `${record.entidad}-${record.exercise.number}` : undefined;
}

function summary({ record, today }: EntidadPage): SafeHtml {
  const { exercise, stl } = record;
  const doneSteps = exercise?.completedSteps.length ?? 0;
  const doneStages = exercise ? exercise.completedStages.length + exercise.skippedStages.length : 0;
  return facts([
    ['Paso', exercise ? html`${exercise.currentStep}/6${progressBar(doneSteps, 6, `Pasos concluidos: ${doneSteps} de 6`)}` : 'Sin ejercicio'],
    ['Etapa de instalación', exercise ? html`${doneStages === 10 ? '10/10' : `${exercise.currentStage}/10`}${progressBar(doneStages, 10, `Etapas concluidas: ${doneStages} de 10`, 'stage')}` : '—'],
    ['Facilitador', stl ? facilitadorSummary(stl, exercise) : '—'],
    ['Última sesión', stl?.lastSessionOn ? fechaLarga(stl.lastSessionOn) : 'ninguna'],
    ['Próxima sesión', stl?.nextSession ? fechaLarga(stl.nextSession.date) : 'sin convocar'],
    ['Sesión bimestral', trafficLight(cadenceStatus(stl, today))],
    ['Monitoreo', exercise?.monitoringCompletedOn ? `hecho el ${fechaLarga(exercise.monitoringCompletedOn)}` : fechaLarga(exercise?.monitoringDueOn)],
    ['Evaluación', exercise?.evaluationCompletedOn ? `hecha el ${fechaLarga(exercise.evaluationCompletedOn)}` : fechaLarga(exercise?.evaluationDueOn)],
    ['Escalamientos abiertos', record.escalations.filter((e) => e.status !== 'resuelta').length],
  ]);
}

function timelineSection(view: EntidadPage, acts: boolean): SafeHtml {
  const { record, today } = view;
  const id = exerciseResource(record);
  const open = record.exercise?.status === 'open';
  return html`<section aria-labelledby="cronograma"><h2 id="cronograma">Pasos y etapas</h2>
    ${record.exercise && id
      ? html`${stepGuidance(record, acts)}
          ${ganttChart(record.exercise, today)}
          ${acts && open
            ? html`<div class="actions">${completeStepForm(id, record.exercise, today)}${completeStageForm(id, record.exercise, today)}${adoptedDocumentForms(id, record.exercise, today)}</div>`
            : ''}
          ${timelineTable(record.exercise)}`
      : html`<p class="muted">La entidad no tiene ejercicio registrado.</p>`}
    ${acts && !open ? startExerciseForm(record.entidad, today) : ''}
  </section>`;
}

function stlActions(view: EntidadPage): SafeHtml {
  const { record, today } = view;
  const stl = record.stl;
  if (!stl) return html``;
  return html`<div class="actions">
    ${addMemberForm(record.entidad, stl, record.members, record.sessions, today, view.newMemberId)}
    ${installStlForm(record.entidad, stl, today)}
    ${memberChangeForms(record.entidad, stl, record.members, record.sessions, today)}
    ${facilitadorForms(record.entidad, stl, record.sessions, today)}
    ${governanceForm(record.entidad, stl, record.sessions, today)}
    ${workingMeetingForm(record.entidad, stl, record.members, today, `rt-${view.newMemberId}`)}
  </div>`;
}

function sessionsSection({ record, today }: EntidadPage, acts: boolean): SafeHtml {
  const stl = record.stl;
  const sessionActs: SessionActs | undefined = stl && { entidad: record.entidad, stl, sessions: record.sessions, members: record.members, today };
  return html`<section aria-labelledby="sesiones"><h2 id="sesiones">Sesiones</h2>
    ${acts && sessionActs && stl?.status === 'instalado'
      ? html`<div class="actions">${conveneSessionForm(sessionActs)}${rescheduleSessionForm(sessionActs)}${cancelSessionForm(sessionActs)}${attendanceForm(sessionActs)}${decisionForm(sessionActs)}${minutesForm(sessionActs)}</div>`
      : acts && stl
        ? html`<p class="small muted">Las sesiones se convocan una vez instalado el STL (etapa 10).</p>`
        : ''}
    ${sessionsTable(record.sessions, nameOf(record))}
  </section>`;
}

/** The names the answers to a convocation are shown with: the STL's members and its facilitador. */
function nameOf(record: EntidadRecord): NameOf {
  const names = new Map(record.members.map((member) => [member.memberId, member.nombre]));
  const facilitador = record.stl?.facilitador;
  if (facilitador) names.set(facilitador.facilitadorId, facilitador.nombre);
  return (personId) => names.get(personId) ?? personId;
}

function palSection({ record, today }: EntidadPage, acts: boolean): SafeHtml {
  const exercise = record.exercise;
  const id = exerciseResource(record);
  const palActs: PalActs | undefined =
    exercise && id && exercise.status === 'open'
      ? { exerciseId: id, exercise, commitments: record.commitments, ...(record.stl && { stl: record.stl }), members: record.members, today }
      : undefined;
  return html`<section aria-labelledby="compromisos"><h2 id="compromisos">Compromisos del PAL</h2>
    ${exercise?.palLaunchedOn ? html`<p class="small">PAL lanzado el ${fechaLarga(exercise.palLaunchedOn)}.</p>` : ''}
    ${exercise?.monitoringCompletedOn ? html`<p class="small">Monitoreo de los seis meses hecho el ${fechaLarga(exercise.monitoringCompletedOn)}.</p>` : ''}
    ${exercise?.evaluationCompletedOn ? html`<p class="small">Evaluación anual hecha el ${fechaLarga(exercise.evaluationCompletedOn)}; el ejercicio concluyó.</p>` : ''}
    ${historicalActsList(exercise?.historicalActs)}
    ${acts && palActs
      ? html`<div class="actions">${exercise?.palLaunchedOn
          ? html`${progressForm(palActs)}${reviewForms(palActs)}`
          : html`${commitmentsForm(palActs)}${launchPalForm(palActs)}`}</div>`
      : ''}
    ${commitmentsTable(record.commitments, { evidence: true })}
  </section>`;
}

export function entidadView(view: EntidadPage): SafeHtml {
  const { user, record } = view;
  const acts = canCommand(user, record.entidad);
  const handlesEscalations = canHandleEscalations(user, record.entidad);
  const nombre = entidadName(record.entidad);
  const exercise = record.exercise;
  const body = html`<div class="page-head">
      <h1>${nombre}</h1>
      <p class="lead">${exercise
        ? html`Ejercicio ${exercise.number} · ${exercise.status === 'open' ? 'abierto' : 'cerrado'} · iniciado el ${fechaLarga(exercise.startedOn)}`
        : 'Sin ejercicio registrado'}
        ${acts ? badge('Puede registrar acciones', 'ok') : badge('Solo consulta', 'none')}</p>
    </div>
    ${summary(view)}
    <nav class="sections-nav" aria-label="Secciones de la página"><ul>${SECTIONS.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}
      <li><a href="/tablero/publico/${record.entidad}">Tablero público</a></li></ul></nav>
    ${timelineSection(view, acts)}
    <section aria-labelledby="stl"><h2 id="stl">Secretariado Técnico Local</h2>
      ${acts ? stlActions(view) : ''}
      ${stlSection(record.stl, record.members, exercise, acts)}
      ${removalsSection(record.removals, record.sessions, acts)}
    </section>
    ${sessionsSection(view, acts)}
    ${palSection(view, acts)}
    <section aria-labelledby="escalamientos"><h2 id="escalamientos">Escalamientos</h2>
      ${escalationsTable(record.escalations, { showEntidad: false, canAct: () => handlesEscalations })}
    </section>
    <section aria-labelledby="historial"><h2 id="historial">Historial (bitácora de eventos)</h2>
      ${historyTable(record.events, HISTORY_LIMIT)}
    </section>
    <details class="card" style="margin-top:1.5rem"><summary>Insertar el tablero público en el micrositio</summary>
      <p class="small">El tablero público de ${nombre} no requiere sesión y puede insertarse en el micrositio del organismo garante:</p>
      <pre class="small"><code>${`<iframe src="${view.publicUrl}" title="Tablero de seguimiento de ${nombre}" width="100%" height="900" style="border:0"></iframe>`}</code></pre>
    </details>`;
  return page({ title: nombre, body, user, section: 'entidad' });
}
