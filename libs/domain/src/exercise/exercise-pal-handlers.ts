import { type Decision } from '../shared/decider';
import { addMonths } from '../shared/local-date';
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
  const commitments = command.data.commitments.map(toCommitment);
  return [{ type: 'CommitmentsDefined', data: { commitments, recordedAt: context.now } }];
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
    (violations.length > 0 ? exerciseErrors.PAL_INVALID(violations) : undefined);
  if (error) return error;
  const monitoringDueOn = addMonths(launchedOn, context.policy.monitoringMonths);
  const evaluationDueOn = addMonths(launchedOn, context.policy.evaluationMonths);
  const recordedAt = context.now;
  return [
    { type: 'PalLaunched', data: { launchedOn, commitments, evidence, monitoringDueOn, evaluationDueOn, recordedAt } },
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
    checkReportedDate('reporte de avance', reportedOn, context, previousReport);
  if (error) return error;
  const data = { commitmentId, completion, previous: commitment.completion, reportedOn, evidence };
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
  const error = reviewError(command, pal.launchedOn, context);
  if (error) return error;
  const { completedOn, summary, evidence = [], micrositioUrl } = command.data;
  return [{ type: 'MonitoringRecorded', data: { completedOn, summary: summary.trim(), evidence, ...(micrositioUrl && { micrositioUrl }) } }];
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
    (context.stepsBeforeIssue17 ? undefined : closingRequirementsError(state, command.data.micrositioUrl));
  if (error) return error;
  const { completedOn, summary, evidence = [], micrositioUrl } = command.data;
  const review = { completedOn, summary: summary.trim(), evidence, ...(micrositioUrl && { micrositioUrl }) };
  return [
    { type: 'EvaluationRecorded', data: review },
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
    checkReportedDate(field, command.data.completedOn, context, notBefore)
  );
}
