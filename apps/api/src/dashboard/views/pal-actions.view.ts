import { COMMITMENT_COMPLETIONS, COMMITMENT_KINDS, type ExerciseSummary, type LocalDate, type StlSummary } from '@app/domain';
import { type CommitmentView, type StlMemberView } from '@app/persistence';
import { COMMITMENT_KIND_LABELS, COMPLETION_LABELS } from '../format/labels';
import { html, type SafeHtml } from '../html/html';
import { actionForm, dateField, evidenceField, memberLabel, peopleNames, selectField, textareaField, textField } from './actions.view';

/** The acts of steps 4 to 6: the mesas' commitments, the PAL's launch, its progress, monitoring and evaluation. */
export interface PalActs {
  readonly exerciseId: string;
  readonly exercise: ExerciseSummary;
  readonly commitments: readonly CommitmentView[];
  readonly stl?: StlSummary;
  readonly members: readonly StlMemberView[];
  readonly today: LocalDate;
}

const MINIMUM_COMMITMENTS = 5;

/** A PAL act dated before today is a historical act: the API takes it only with this justification. */
function historicalField(id: string): SafeHtml {
  return textField(id, 'historical.justification', 'Justificación, si el acto ocurrió antes de hoy (acto histórico)');
}

function commitmentFieldset(index: number, commitment: CommitmentView | undefined, members: readonly StlMemberView[]): SafeHtml {
  const data = commitment?.data;
  const prefix = `compromiso-${index}`;
  const lines = (name: 'activities' | 'products' | 'indicators', label: string, hint: string) =>
    html`<div class="field"><label for="${prefix}-${name}">${label}</label>
      <textarea id="${prefix}-${name}" name="${name}" data-lines data-keep-empty rows="2" aria-describedby="${prefix}-${name}-ayuda">${(data?.[name] ?? []).join('\n')}</textarea>
      <p class="hint" id="${prefix}-${name}-ayuda">${hint}</p></div>`;
  const responsibles = new Set(data?.responsibles ?? []);
  return html`<fieldset class="item" data-item="commitments"><legend>Compromiso ${index + 1}</legend>
    <div class="row">
      <div class="field"><label for="${prefix}-id">Clave</label><input id="${prefix}-id" name="id" value="${data?.id ?? `C${index + 1}`}" size="6"></div>
      <div class="field grow"><label for="${prefix}-titulo">Título</label><input id="${prefix}-titulo" name="title" data-item-key value="${data?.title ?? ''}"></div>
      <div class="field"><label for="${prefix}-tipo">Tipo</label><select id="${prefix}-tipo" name="kind">${COMMITMENT_KINDS.map(
        (kind) => html`<option value="${kind}"${data?.kind === kind ? html` selected` : ''}>${COMMITMENT_KIND_LABELS[kind]}</option>`,
      )}</select></div>
    </div>
    ${lines('activities', 'Actividades', 'Una por línea.')}
    ${lines('products', 'Productos', 'Uno por línea.')}
    ${lines('indicators', 'Indicadores de desempeño', 'Uno por línea.')}
    <fieldset><legend>Corresponsables del STL</legend><div class="checks">${members.map(
      (member) => html`<label><input type="checkbox" name="responsibles" value="${member.memberId}" data-list${responsibles.has(member.memberId) ? html` checked` : ''}> ${memberLabel(member)}</label>`,
    )}</div></fieldset>
  </fieldset>`;
}

/** The mesas' draft (paso 4): at least the PAL's five, each with a title; empty ones are left out. */
export function commitmentsForm({ exerciseId, commitments, stl, members, today }: PalActs): SafeHtml {
  const count = Math.max(MINIMUM_COMMITMENTS, commitments.length + 1);
  return actionForm(
    {
      id: 'form-compromisos',
      summary: commitments.length > 0 ? 'Corregir compromisos de las mesas' : 'Registrar compromisos de las mesas',
      api: `/api/exercises/${exerciseId}/commitments`,
      success: 'Compromisos registrados.',
      method: 'PUT',
      names: peopleNames(stl, members),
    },
    html`<p class="hint">El PAL requiere al menos cinco compromisos: dos de la agenda nacional, dos de problemas locales y uno «Follow the Money». Los compromisos sin título no se envían.</p>
      ${Array.from({ length: count }, (_, index) => commitmentFieldset(index, commitments[index], members))}
      <div class="row">${dateField('compromisos-fecha', 'definedOn', 'Fecha de las mesas que los acordaron', today, { max: today })}</div>
      ${historicalField('compromisos-historica')}`,
  );
}

export function launchPalForm({ exerciseId, today }: PalActs): SafeHtml {
  return actionForm(
    {
      id: 'form-pal',
      summary: 'Lanzar el PAL',
      api: `/api/exercises/${exerciseId}/pal`,
      success: 'PAL lanzado.',
      confirm: '¿Lanzar el PAL con los compromisos registrados? Empieza su año: monitoreo a los seis meses y evaluación a los doce.',
    },
    html`${dateField('pal-fecha', 'launchedOn', 'Fecha del evento público de lanzamiento', today, { max: today })}
      ${evidenceField('pal-evidencia', 'el PAL publicado, la evidencia del evento.')}
      ${historicalField('pal-historica')}`,
  );
}

export function progressForm({ exerciseId, commitments, today }: PalActs): SafeHtml {
  const launched = commitments.filter((commitment) => commitment.launched);
  if (launched.length === 0) return html``;
  return actionForm(
    { id: 'form-avance', summary: 'Reportar avance de un compromiso', api: `/api/exercises/${exerciseId}/commitments/{commitmentId}/progress`, success: 'Avance registrado.' },
    html`<div class="row">
        ${selectField('avance-compromiso', 'commitmentId', 'Compromiso', launched.map((commitment) => [commitment.commitmentId, `${commitment.commitmentId}. ${commitment.title}`] as const))}
        ${selectField('avance-grado', 'completion', 'Avance (escala del MRI)', COMMITMENT_COMPLETIONS.map((completion) => [completion, COMPLETION_LABELS[completion]] as const))}
        ${dateField('avance-fecha', 'reportedOn', 'Fecha del reporte', today, { max: today })}
      </div>
      ${evidenceField('avance-evidencia', 'la evidencia del avance.')}
      ${historicalField('avance-historica')}`,
  );
}

function reviewForm(id: string, summary: string, path: string, success: string, { exerciseId, today }: PalActs, confirm?: string): SafeHtml {
  return actionForm(
    { id, summary, api: `/api/exercises/${exerciseId}/${path}`, success, ...(confirm && { confirm }) },
    html`${dateField(`${id}-fecha`, 'completedOn', 'Fecha en que concluyó', today, { max: today })}
      ${textareaField(`${id}-resumen`, 'summary', 'Resumen', 'Lo que se encontró, en pocas líneas; se publica.', { required: true, lines: false })}
      ${evidenceField(`${id}-evidencia`, 'el informe publicado.')}
      ${textField(`${id}-micrositio`, 'micrositioUrl', 'Micrositio del organismo garante (evidencia y tablero de seguimiento)', { type: 'url' })}
      ${historicalField(`${id}-historica`)}`,
  );
}

/** Monitoring at six months, evaluation at twelve (which concludes step 6 and closes the exercise). */
export function reviewForms(acts: PalActs): SafeHtml {
  const { exercise } = acts;
  if (!exercise.palLaunchedOn) return html``;
  return html`${exercise.monitoringCompletedOn ? '' : reviewForm('form-monitoreo', 'Registrar monitoreo de los seis meses', 'monitoring', 'Monitoreo registrado.', acts)}
    ${exercise.evaluationCompletedOn
      ? ''
      : reviewForm('form-evaluacion', 'Registrar evaluación anual', 'evaluation', 'Evaluación registrada; el ejercicio queda cerrado.', acts, '¿Registrar la evaluación anual? Concluye el paso 6 y cierra el ejercicio.')}`;
}
