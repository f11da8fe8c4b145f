import { CORE_SECTORS, EXERCISE_STEPS, type ExerciseSummary, STL_MECHANISM_ADOPTION, type StlSummary } from '@app/domain';
import { SECTOR_LABELS } from '../format/labels';
import { fechaLarga } from '../format/spanish-dates';
import { html, type SafeHtml } from '../html/html';
import { type EntidadRecord } from '../read-model/dashboard-reader';

interface Need {
  readonly text: string;
  /** The form that does it (`form-…`). */
  readonly form?: string;
}

/** Where each requirement the API names (`missingForCurrentStep[].code`) is done on this page. */
function formFor(code: string): string | undefined {
  if (code.startsWith('etapa_')) return 'form-etapa';
  if (code === 'compromisos' || code.startsWith('compromiso:')) return 'form-compromisos';
  const forms: Readonly<Record<string, string>> = {
    stl_instalado: 'form-instalacion',
    mecanismo_de_gobernanza: 'form-mecanismo',
    [STL_MECHANISM_ADOPTION.code]: 'form-mecanismo-stl',
    facilitador: 'form-facilitador',
    agenda_anual: 'form-agenda-anual',
    lanzamiento_del_pal: 'form-pal',
    evaluacion: 'form-evaluacion',
  };
  return forms[code];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Stage 10 installs the STL, which needs a titular of gobierno, sociedad civil and garante. */
function installationNeeds(stl: StlSummary | undefined): Need[] {
  if (!stl || stl.status === 'instalado') return [];
  const missing = CORE_SECTORS.filter((sector) => stl.titularesBySector[sector] === 0).map((sector) => SECTOR_LABELS[sector].toLowerCase());
  return missing.length === 0 ? [] : [{ text: `Para instalar el STL (etapa 10): agregar al menos un titular de ${missing.join(', ')}`, form: 'form-integrante' }];
}

/**
 * Stage 9 is the STL's own adoption of its mechanism, best done while it is integrated (once installed, a change
 * rests on its decision): asked for from step 2 on, before step 3 lists it.
 */
function mechanismNeeds(stl: StlSummary | undefined, listed: readonly string[]): Need[] {
  if (!stl || stl.governance.adopted || listed.includes(STL_MECHANISM_ADOPTION.code)) return [];
  return [{ text: capitalized(STL_MECHANISM_ADOPTION.label), form: formFor(STL_MECHANISM_ADOPTION.code) }];
}

function monitoringNeed(exercise: ExerciseSummary): Need {
  return { text: `Registrar el monitoreo de los seis meses (vence el ${fechaLarga(exercise.monitoringDueOn)})`, form: 'form-monitoreo' };
}

/** What the current step still needs: the API's own list, plus the acts it completes by hand (steps 1 and 4). */
function needsOf(exercise: ExerciseSummary, stl: StlSummary | undefined): Need[] {
  const listed = exercise.missingForCurrentStep.map((missing) => missing.code);
  // The next stage of an earlier step (stage 1 is part of the start) comes first: stages are done in order.
  const earlierStages: Need[] =
    exercise.currentStep <= 3
      ? exercise.stages
          .filter((stage) => stage.status === 'pendiente' && !listed.includes(`etapa_${stage.number}`))
          .filter((stage) => listed.every((code) => !code.startsWith('etapa_') || Number(code.slice(6)) > stage.number))
          .slice(0, 1)
          .map((stage) => ({ text: `Concluir la etapa ${stage.number}`, form: 'form-etapa' }))
      : [];
  const needs: Need[] = [
    ...earlierStages,
    ...exercise.missingForCurrentStep.map((missing) =>
      missing.code === 'monitoreo' ? monitoringNeed(exercise) : { text: capitalized(missing.label), form: formFor(missing.code) },
    ),
  ];
  if (exercise.currentStep === 1) needs.push({ text: 'Concluir el paso 1 con la Declaración Conjunta firmada', form: 'form-paso' });
  if (exercise.currentStep === 4 && needs.length === 0) needs.push({ text: 'Concluir el paso 4 al terminar las mesas participativas', form: 'form-paso' });
  // Runs begun before issue 17 do not list the monitoring among step 6's needs; the page names it all the same.
  if (exercise.currentStep === 6 && !exercise.monitoringCompletedOn && !listed.includes('monitoreo')) needs.unshift(monitoringNeed(exercise));
  if (exercise.currentStep <= 3) needs.push(...mechanismNeeds(stl, listed), ...installationNeeds(stl));
  return needs;
}

/** «Lo que falta»: each requirement in words, with a link to the form that does it when the account may act. */
export function stepGuidance(record: EntidadRecord, acts: boolean): SafeHtml {
  const exercise = record.exercise;
  if (!exercise) return html``;
  if (exercise.status === 'closed') {
    return html`<div class="guidance ok" id="lo-que-falta"><strong>Ejercicio cerrado${exercise.closedOn ? ` el ${fechaLarga(exercise.closedOn)}` : ''}.</strong> Sus seis pasos concluyeron.</div>`;
  }
  const step = EXERCISE_STEPS.find((candidate) => candidate.number === exercise.currentStep);
  const needs = needsOf(exercise, record.stl);
  return html`<div class="guidance" id="lo-que-falta">
    <h3>Lo que falta para el paso ${exercise.currentStep}${step ? `: ${step.name}` : ''}</h3>
    <ul>${needs.map((need) => html`<li data-falta>${acts && need.form ? html`<a href="#${need.form}">${need.text}</a>` : need.text}</li>`)}</ul>
  </div>`;
}
