import { type Decision } from '../shared/decider';
import { type DomainError } from '../shared/domain-error';
import { type Entidad, isEntidad } from '../shared/entidades';
import { type CompleteStage, type StartExercise } from './exercise-commands';
import { isStageNumber, type StageNumber } from './exercise-catalogue';
import { exerciseErrors } from './exercise-errors';
import { type ExerciseEvent, type StageCompleted, type StageSkipped } from './exercise-events';
import { checkReportedDate, checkUrls, type DecisionContext, isBlank } from './exercise-guards';
import { latestStageDate, openStages } from './exercise-requirements';
import { type ExerciseState, type OpenExercise } from './exercise-state';

export function decideStart(
  command: StartExercise,
  state: ExerciseState,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  if (state.status !== 'not_started') return exerciseErrors.EXERCISE_ALREADY_STARTED();
  const { entidad, number, startedOn } = command.data;
  const error =
    (isEntidad(entidad) ? undefined : exerciseErrors.INVALID_ENTIDAD(entidad)) ??
    (Number.isInteger(number) && number > 0 ? undefined : exerciseErrors.INVALID_EXERCISE_NUMBER(number)) ??
    checkReportedDate('inicio del ejercicio', startedOn, context);
  if (error) return error;
  return [
    { type: 'ExerciseStarted', data: { entidad: entidad as Entidad, number, startedOn, recordedAt: context.now } },
  ];
}

/**
 * Stages go in order (guia-instalacion-stl.txt, Anexo 1). "No existe un modelo de instalación único": a state may
 * skip open stages or merge several in one act, but only with a justification, which every resulting event keeps.
 */
export function decideCompleteStage(
  command: CompleteStage,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { stage, completedOn, evidence = [], justification, mergedWith = [] } = command.data;
  const act = [stage, ...mergedWith];
  const invalidStage = act.find((number, index) => !isStageNumber(number) || act.indexOf(number) !== index);
  if (invalidStage !== undefined) return exerciseErrors.INVALID_STAGE(invalidStage);
  const stages = (act as StageNumber[]).sort((a, b) => a - b);
  const field = `conclusión de la etapa ${stage}`;
  const error =
    checkReportedDate(field, completedOn, context) ??
    checkUrls('evidencia', evidence) ??
    orderError(state, stage, stages, !isBlank(justification)) ??
    checkReportedDate(field, completedOn, context, latestStageDate(state));
  if (error) return error;
  const reason = isBlank(justification) ? undefined : (justification as string).trim();
  return [
    ...skippedBy(state, stages, completedOn, reason),
    ...stages.map((number): StageCompleted => {
      const others = stages.filter((other) => other !== number);
      const data: StageCompleted['data'] = { stage: number, completedOn, evidence, recordedAt: context.now };
      return {
        type: 'StageCompleted',
        data: { ...data, ...(reason && { justification: reason }), ...(others.length > 0 && { mergedWith: others }) },
      };
    }),
  ];
}

function orderError(
  state: OpenExercise,
  stage: number,
  stages: readonly StageNumber[],
  justified: boolean,
): DomainError | undefined {
  const completed = stages.filter((number) => state.stages[number]?.status === 'completed');
  if (completed.length > 0) return exerciseErrors.STAGE_ALREADY_COMPLETED(completed);
  const open = openStages(state);
  if (stages.some((number) => !open.includes(number))) {
    return exerciseErrors.STAGE_OUT_OF_ORDER(stage, open, 'passed');
  }
  const skipped = stagesToSkip(state, stages);
  if (skipped.length > 0 && !justified) return exerciseErrors.STAGE_OUT_OF_ORDER(stage, skipped, 'pending');
  return stages.length > 1 && !justified ? exerciseErrors.JUSTIFICATION_REQUIRED(stages) : undefined;
}

/** Open stages below the act's highest stage that the act does not complete. */
function stagesToSkip(state: OpenExercise, stages: readonly StageNumber[]): StageNumber[] {
  const highest = stages[stages.length - 1];
  return openStages(state).filter((number) => number < highest && !stages.includes(number));
}

function skippedBy(
  state: OpenExercise,
  stages: readonly StageNumber[],
  skippedOn: string,
  justification: string | undefined,
): StageSkipped[] {
  const by = stages[stages.length - 1];
  return stagesToSkip(state, stages).map((stage) => ({
    type: 'StageSkipped',
    data: { stage, skippedOn, justification: justification as string, skippedBy: by },
  }));
}
