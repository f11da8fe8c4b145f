import { entidadName } from '../shared/entidades';
import { addMonths, daysBetween, type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { stageDefinition, stepDefinition } from './exercise-catalogue';
import { TERM_MONTHS, TERM_WARNING_MONTHS } from './exercise-deadlines';
import { currentStage, currentStep } from './exercise-requirements';
import { type PalRecord, type StartedExercise } from './exercise-state';

/** The Spanish sentences of reminders and escalations: one place, so the wording stays consistent. */
function exerciseName(state: StartedExercise): string {
  return `el ejercicio ${state.number} de ${entidadName(state.entidad)}`;
}

/** "paso 3 (…), etapa 8 (…)": also what the e-mails of the twelve months say. */
export function whereItStands(state: StartedExercise): string {
  const step = stepDefinition(currentStep(state));
  const stage = stageDefinition(currentStage(state));
  return `paso ${step.number} (${step.name}), etapa ${stage.number} (${stage.name})`;
}

export function stallReminderMessage(state: StartedExercise, since: LocalDate): string {
  return (
    `Sin avances en ${exerciseName(state)} desde el ${spanishLongDate(since)}: ${whereItStands(state)}. ` +
    'Registre el avance o informe la causa del retraso.'
  );
}

/** Counted to the day the escalation is raised, so a late one states the real time without progress. */
export function stallEscalationReason(state: StartedExercise, since: LocalDate, raisedOn: LocalDate): string {
  const days = daysBetween(since, raisedOn);
  return (
    `${capitalized(exerciseName(state))} lleva ${days} días sin avances ` +
    `(desde el ${spanishLongDate(since)}): ${whereItStands(state)}.`
  );
}

export function monitoringReminderMessage(state: StartedExercise, pal: PalRecord): string {
  return (
    `El monitoreo de los seis meses del PAL de ${entidadName(state.entidad)} corresponde el ` +
    `${spanishLongDate(pal.monitoringDueOn)}: actualice el micrositio y el tablero de seguimiento.`
  );
}

export function monitoringDueMessage(state: StartedExercise, pal: PalRecord): string {
  return (
    `Hoy corresponde el monitoreo de los seis meses del PAL de ${entidadName(state.entidad)} (lanzado el ` +
    `${spanishLongDate(pal.launchedOn)}): calidad y relevancia de los compromisos y avance de sus actividades.`
  );
}

export function evaluationReminderMessage(state: StartedExercise, pal: PalRecord): string {
  return (
    `El año del PAL de ${entidadName(state.entidad)} concluye el ${spanishLongDate(pal.evaluationDueOn)}: ` +
    'prepare la evaluación de desempeño y la renovación de la representación de la sociedad civil en el STL.'
  );
}

export function evaluationDueMessage(state: StartedExercise, pal: PalRecord): string {
  return (
    `Concluyó el año del PAL de ${entidadName(state.entidad)} (lanzado el ${spanishLongDate(pal.launchedOn)}): ` +
    'corresponde la evaluación de desempeño y renovar la representación de la sociedad civil en el STL.'
  );
}

/** Month 11 of the twelve the six steps should take (seis-pasos-2016.txt). */
export function termWarningMessage(state: StartedExercise): string {
  return (
    `${capitalized(exerciseName(state))} cumple once meses el ${spanishLongDate(addMonths(state.startedOn, TERM_WARNING_MONTHS))}; ` +
    `los seis pasos deben concluir en doce meses (el ${spanishLongDate(addMonths(state.startedOn, TERM_MONTHS))}). ` +
    `Va en el ${whereItStands(state)}.`
  );
}

export function termEscalationReason(state: StartedExercise): string {
  return (
    `${capitalized(exerciseName(state))} cumplió doce meses (inició el ${spanishLongDate(state.startedOn)}) sin concluir ` +
    `los seis pasos: ${whereItStands(state)}.`
  );
}

export function progressReminderMessage(
  state: StartedExercise,
  from: LocalDate,
  to: LocalDate,
  commitmentIds: readonly string[],
  months: number,
): string {
  return (
    `Compromisos del PAL de ${entidadName(state.entidad)} sin reporte de avance en el ${progressPeriodName(months)} del ` +
    `${spanishLongDate(from)} al ${spanishLongDate(to)}: ${commitmentIds.join(', ')}. ` +
    'Registre su avance y actualice el tablero de seguimiento del micrositio.'
  );
}

const PERIOD_NAMES: Readonly<Record<number, string>> = { 1: 'mes', 2: 'bimestre', 3: 'trimestre', 4: 'cuatrimestre', 6: 'semestre' };

/** A progress period as Spanish names it: "bimestre" for the two months of the programme's rhythm. */
export function progressPeriodName(months: number): string {
  return PERIOD_NAMES[months] ?? `periodo de ${months} meses`;
}

export const STALL_RESOLUTION = 'Resuelto automáticamente: se registró avance en el ejercicio.';
export const TERM_RESOLUTION =
  'Resuelto automáticamente: se lanzó el PAL; su año lo vigilan ahora el monitoreo a los seis meses y la evaluación a los doce.';

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
