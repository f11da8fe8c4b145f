import { type Decision } from '../shared/decider';
import { type DomainError } from '../shared/domain-error';
import { type LocalDate } from '../shared/local-date';
import { isProgressReportMonths } from '../stl/governance';
import {
  type CompleteStep,
  type RecordAnnualAgenda,
  type RecordGovernanceMechanism,
  type RecordStlStatus,
  type StlStatusReport,
} from './exercise-commands';
import { isStepNumber, STEP_NUMBERS, type StepNumber } from './exercise-catalogue';
import { exerciseErrors } from './exercise-errors';
import { type AdoptedDocument, type ExerciseEvent } from './exercise-events';
import { checkDate, checkReportedDate, checkUrls, type DecisionContext, isBlank } from './exercise-guards';
import { stepRequirementsMissing } from './exercise-requirements';
import { later, type OpenExercise } from './exercise-state';

/**
 * Steps go in order (seis-pasos-2016.txt). Only steps 1 (Declaración Conjunta signed) and 4 (mesas concluded) are
 * completed by hand; for the others the answer lists what is still missing, since they complete by themselves.
 */
export function decideCompleteStep(
  command: CompleteStep,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { step, completedOn, evidence = [] } = command.data;
  if (!isStepNumber(step)) return exerciseErrors.INVALID_STEP(step);
  const field = `conclusión del paso ${step}`;
  const error =
    checkReportedDate(field, completedOn, context) ??
    checkUrls('evidencia', evidence) ??
    stepSequenceError(state, step) ??
    requirementsError(state, step, context) ??
    checkReportedDate(field, completedOn, context, notBefore(state, step, context));
  if (error) return error;
  return [{ type: 'StepCompleted', data: { step, completedOn, evidence, automatic: false, recordedAt: context.now } }];
}

/** STEP_ALREADY_COMPLETED or STEP_OUT_OF_ORDER: steps are completed once, in order. */
export function stepSequenceError(state: OpenExercise, step: StepNumber): DomainError | undefined {
  if (state.steps[step]) return exerciseErrors.STEP_ALREADY_COMPLETED(step);
  const pending = STEP_NUMBERS.filter((earlier) => earlier < step && !state.steps[earlier]);
  return pending.length > 0 ? exerciseErrors.STEP_OUT_OF_ORDER(step, pending) : undefined;
}

function requirementsError(state: OpenExercise, step: StepNumber, context: DecisionContext): DomainError | undefined {
  const missing = stepRequirementsMissing(state, step, context);
  return missing.length > 0
    ? exerciseErrors.STEP_REQUIREMENTS_MISSING(
        step,
        missing.map((requirement) => requirement.code),
        missing.map((requirement) => requirement.label),
      )
    : undefined;
}

/** The mesas (step 4) conclude no earlier than the day they defined the commitments. */
function notBefore(state: OpenExercise, step: StepNumber, context: DecisionContext): LocalDate {
  const previous = previousStepDate(state, step);
  if (step !== 4 || state.commitmentsDefinedOn === undefined || context.backdatedPalActsAccepted === true) return previous;
  return later(previous, state.commitmentsDefinedOn);
}

/** A step is never dated before the previous one; step 1 never before the exercise started. */
export function previousStepDate(state: OpenExercise, step: StepNumber): LocalDate {
  return step === 1 ? state.startedOn : (state.steps[(step - 1) as StepNumber]?.completedOn ?? state.startedOn);
}

/**
 * The mecanismo de gobernanza and the annual agenda may predate the exercise (an STL outlives its PAL and a second
 * exercise reuses them), so they are only checked against today. Recording the same document again changes nothing.
 */
export function decideDocument(
  command: RecordGovernanceMechanism | RecordAnnualAgenda,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { adoptedOn, documentUrl } = command.data;
  const governance = command.type === 'RecordGovernanceMechanism';
  const field = governance ? 'adopción del mecanismo de gobernanza' : 'adopción de la agenda anual';
  const error = checkReportedDate(field, adoptedOn, context) ?? checkUrls('documento', [documentUrl]);
  if (error) return error;
  const current: AdoptedDocument | undefined = governance ? state.governanceMechanism : state.annualAgenda;
  if (current?.adoptedOn === adoptedOn && current.documentUrl === documentUrl) return [];
  const data = { adoptedOn, documentUrl, recordedAt: context.now };
  return [governance ? { type: 'GovernanceMechanismRecorded', data } : { type: 'AnnualAgendaRecorded', data }];
}

/** The STL workflow reports its status whenever it changes; a repeated report records nothing. */
export function decideStlStatus(
  command: RecordStlStatus,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const status = normalized(command.data);
  const dates = [
    ['instalación del STL', status.installedOn],
    ['última sesión', status.lastSessionOn],
    ['próxima sesión', status.nextSessionDueOn],
    ['adopción del mecanismo del STL', status.mechanismAdoptedOn ?? undefined],
  ] as const;
  const error =
    dates.map(([field, date]) => (date === undefined ? undefined : checkDate(field, date))).find(Boolean) ??
    (status.facilitador !== null && isBlank(status.facilitador?.nombre)
      ? exerciseErrors.INVALID_FACILITADOR()
      : undefined) ??
    checkProgressReports(status.progressReports);
  if (error) return error;
  const known = state.stl;
  if (known?.stlVersion !== undefined && status.stlVersion !== undefined && status.stlVersion <= known.stlVersion) {
    return [];
  }
  if (known !== undefined && sameStatus(known, status) && status.stlVersion === undefined) return [];
  return [{ type: 'StlStatusRecorded', data: { ...status, recordedAt: context.now } }];
}

/** A period of no months would never end: the exercise's timers would wait on the same day for ever. */
function checkProgressReports(rules: StlStatusReport['progressReports']): DomainError | undefined {
  for (const rule of rules ?? []) {
    if (!isProgressReportMonths(rule.months)) return exerciseErrors.INVALID_PROGRESS_PERIOD(rule.months);
    if (rule.validFrom !== null) {
      const error = checkDate('vigencia del periodo de reporte de avance', rule.validFrom);
      if (error) return error;
    }
  }
  return undefined;
}

function normalized(status: StlStatusReport): StlStatusReport {
  const {
    stlVersion,
    installedOn,
    composition,
    compositionCompleteOn,
    facilitador,
    lastSessionOn,
    nextSessionDueOn,
    progressReports,
    mechanismAdoptedOn,
  } = status;
  return {
    ...(stlVersion !== undefined && { stlVersion }),
    ...(installedOn !== undefined && { installedOn }),
    ...(composition !== undefined && { composition }),
    ...(compositionCompleteOn !== undefined && { compositionCompleteOn }),
    facilitador: facilitador ?? null,
    ...(lastSessionOn !== undefined && { lastSessionOn }),
    ...(nextSessionDueOn !== undefined && { nextSessionDueOn }),
    ...(progressReports !== undefined && { progressReports }),
    ...(mechanismAdoptedOn !== undefined && { mechanismAdoptedOn }),
  };
}

function sameStatus(a: StlStatusReport, b: StlStatusReport): boolean {
  return (
    a.installedOn === b.installedOn &&
    JSON.stringify(a.composition) === JSON.stringify(b.composition) &&
    a.facilitador?.nombre === b.facilitador?.nombre &&
    a.lastSessionOn === b.lastSessionOn &&
    a.nextSessionDueOn === b.nextSessionDueOn &&
    JSON.stringify(a.progressReports) === JSON.stringify(b.progressReports) &&
    a.mechanismAdoptedOn === b.mechanismAdoptedOn
  );
}
