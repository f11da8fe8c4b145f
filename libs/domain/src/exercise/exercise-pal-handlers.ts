import { type Decision } from '../shared/decider';
import { addMonths, compareDates, type LocalDate } from '../shared/local-date';
import { draftViolations, isCommitmentCompletion, palViolations, toCommitment } from './commitment-rules';
import {
  type DefineCommitments,
  type LaunchPal,
  type RecordEvaluation,
  type RecordMonitoring,
  type UpdateCommitmentProgress,
} from './exercise-commands';
import { exerciseErrors } from './exercise-errors';
import { type ExerciseEvent } from './exercise-events';
import { checkReportedDate, checkUrls, type DecisionContext, isBlank } from './exercise-guards';
import { later, type OpenExercise, type PalRecord } from './exercise-state';
import { reviewRequirementsMissing } from './exercise-requirements';
import { checkHistorical, historicalRecord } from './historical-acts';
import { previousStepDate, stepSequenceError } from './exercise-step-handlers';

/** Drafts from the mesas participativas (paso 4): each call replaces the previous draft, until the launch. */
export function decideDefineCommitments(
  command: DefineCommitments,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  if (state.pal) return exerciseErrors.PAL_ALREADY_LAUNCHED(state.pal.launchedOn);
  const violations = draftViolations(command.data.commitments);
  if (violations.length > 0) return exerciseErrors.COMMITMENTS_INVALID(violations);
  const { definedOn } = command.data;
  const field = 'definición de los compromisos';
  const error =
    definedOn === undefined
      ? undefined
      : (checkReportedDate(field, definedOn, context, state.startedOn) ??
        checkHistorical(field, definedOn, command.data, context));
  if (error) return error;
  const commitments = command.data.commitments.map(toCommitment);
  const dated = definedOn === undefined ? {} : { definedOn, ...historicalRecord(command.data) };
  return [{ type: 'CommitmentsDefined', data: { commitments, ...dated, recordedAt: context.now } }];
}

/**
 * Paso 5: the PAL is presented in a public event that starts its year of implementation; monitoring follows six
 * months later and the evaluation at the end of the year (seis-pasos-2016.txt, paso 6).
 */
export function decideLaunchPal(
  command: LaunchPal,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  if (state.pal) return exerciseErrors.PAL_ALREADY_LAUNCHED(state.pal.launchedOn);
  const { launchedOn, evidence = [] } = command.data;
  const commitments = (command.data.commitments ?? state.commitments).map(toCommitment);
  const violations = palViolations(commitments);
  const error =
    checkReportedDate('lanzamiento del PAL', launchedOn, context) ??
    checkUrls('evidencia', evidence) ??
    stepSequenceError(state, 5) ??
    checkReportedDate('lanzamiento del PAL', launchedOn, context, previousStepDate(state, 5)) ??
    checkHistorical('lanzamiento del PAL', launchedOn, command.data, context) ??
    (violations.length > 0 ? exerciseErrors.PAL_INVALID(violations) : undefined);
  if (error) return error;
  const monitoringDueOn = addMonths(launchedOn, context.policy.monitoringMonths);
  const evaluationDueOn = addMonths(launchedOn, context.policy.evaluationMonths);
  const recordedAt = context.now;
  const dates = { monitoringDueOn, evaluationDueOn, recordedAt };
  return [
    { type: 'PalLaunched', data: { launchedOn, commitments, evidence, ...dates, ...historicalRecord(command.data) } },
    { type: 'StepCompleted', data: { step: 5, completedOn: launchedOn, evidence, automatic: true, recordedAt } },
  ];
}

/** Progress on the OGP IRM scale, reported for the micrositio's tablero de seguimiento. */
export function decideCommitmentProgress(
  command: UpdateCommitmentProgress,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { commitmentId, completion, reportedOn, evidence = [] } = command.data;
  if (!state.pal) return exerciseErrors.PAL_NOT_LAUNCHED();
  if (!isCommitmentCompletion(completion)) return exerciseErrors.INVALID_COMPLETION(completion);
  const commitment = state.commitments.find((candidate) => candidate.id === commitmentId);
  if (!commitment) return exerciseErrors.COMMITMENT_NOT_FOUND(commitmentId);
  const previousReport = later(state.pal.launchedOn, commitment.reportedOn ?? state.pal.launchedOn);
  const error =
    checkReportedDate('reporte de avance', reportedOn, context) ??
    checkUrls('evidencia', evidence) ??
    checkReportedDate('reporte de avance', reportedOn, context, previousReport) ??
    checkHistorical('reporte de avance', reportedOn, command.data, context);
  if (error) return error;
  const previous = commitment.completion;
  const data = { commitmentId, completion, previous, reportedOn, evidence, ...historicalRecord(command.data) };
  return [{ type: 'CommitmentProgressUpdated', data }];
}

/** Six months into the PAL, INAI's Secretaría Técnica monitors; accepted once due (its event fired or its date). */
export function decideMonitoring(
  command: RecordMonitoring,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { pal } = state;
  if (!pal) return exerciseErrors.PAL_NOT_LAUNCHED();
  if (state.monitoring) return exerciseErrors.MONITORING_ALREADY_RECORDED();
  if (!pal.monitoringDueRaised && context.today < pal.monitoringDueOn) {
    return exerciseErrors.MONITORING_NOT_DUE(pal.monitoringDueOn);
  }
  const error = reviewError(command, pal.launchedOn, context) ?? notBeforeDue(command, pal.monitoringDueOn, context);
  if (error) return error;
  return [{ type: 'MonitoringRecorded', data: review(command) }];
}

/**
 * At the end of the PAL's year INAI coordinates the evaluation; recording it completes step 6 and closes the
 * exercise, once the six-month monitoring and the micrositio are on record (runs begun before issue 17 closed
 * without them).
 */
export function decideEvaluation(
  command: RecordEvaluation,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const pal: PalRecord | undefined = state.pal;
  if (!pal) return exerciseErrors.PAL_NOT_LAUNCHED();
  if (!pal.evaluationDueRaised && context.today < pal.evaluationDueOn) {
    return exerciseErrors.EVALUATION_NOT_DUE(pal.evaluationDueOn);
  }
  const error =
    reviewError(command, later(pal.launchedOn, state.monitoring?.completedOn ?? pal.launchedOn), context) ??
    notBeforeDue(command, pal.evaluationDueOn, context) ??
    (context.stepsBeforeIssue17 ? undefined : closingRequirementsError(state, command.data.micrositioUrl));
  if (error) return error;
  const { completedOn, evidence = [] } = command.data;
  return [
    { type: 'EvaluationRecorded', data: review(command) },
    { type: 'StepCompleted', data: { step: 6, completedOn, evidence, automatic: true, recordedAt: context.now } },
    { type: 'ExerciseClosed', data: { closedOn: completedOn } },
  ];
}

/** The evaluation's own micrositio counts: it may be the first time one is recorded. */
function closingRequirementsError(state: OpenExercise, micrositioUrl: string | undefined) {
  const missing = reviewRequirementsMissing(state, micrositioUrl);
  return missing.length === 0
    ? undefined
    : exerciseErrors.STEP_REQUIREMENTS_MISSING(
        6,
        missing.map((requirement) => requirement.code),
        missing.map((requirement) => requirement.label),
      );
}

function reviewError(command: RecordMonitoring | RecordEvaluation, notBefore: string, context: DecisionContext) {
  const field = command.type === 'RecordMonitoring' ? 'monitoreo' : 'evaluación';
  const { micrositioUrl } = command.data;
  return (
    (isBlank(command.data.summary) ? exerciseErrors.SUMMARY_REQUIRED() : undefined) ??
    checkReportedDate(field, command.data.completedOn, context) ??
    checkUrls('evidencia', command.data.evidence) ??
    (micrositioUrl === undefined ? undefined : checkUrls('micrositio', [micrositioUrl])) ??
    checkReportedDate(field, command.data.completedOn, context, notBefore) ??
    checkHistorical(field, command.data.completedOn, command.data, context)
  );
}

/** Recorded late or not, a review is dated no earlier than the day it falls due (six and twelve months in). */
function notBeforeDue(command: RecordMonitoring | RecordEvaluation, dueOn: LocalDate, context: DecisionContext) {
  if (context.backdatedPalActsAccepted === true || compareDates(command.data.completedOn, dueOn) >= 0) return undefined;
  return command.type === 'RecordMonitoring'
    ? exerciseErrors.MONITORING_NOT_DUE(dueOn)
    : exerciseErrors.EVALUATION_NOT_DUE(dueOn);
}

function review(command: RecordMonitoring | RecordEvaluation) {
  const { completedOn, summary, evidence = [], micrositioUrl } = command.data;
  return { completedOn, summary: summary.trim(), evidence, ...(micrositioUrl && { micrositioUrl }), ...historicalRecord(command.data) };
}
