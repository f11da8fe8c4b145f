import { type DeadlinePolicy } from '../shared/deadline';
import { type Entidad, entidadName } from '../shared/entidades';
import { countOpen, type Escalation } from '../shared/escalation';
import { type LocalDate } from '../shared/local-date';
import {
  COMMITMENT_COMPLETIONS,
  COMMITMENT_KINDS,
  type Commitment,
  type CommitmentCompletion,
  type CommitmentKind,
} from './commitment-rules';
import { type StlStatusReport } from './exercise-commands';
import { type ExerciseDeadlineKind, exerciseDeadlines, stallReminderOn } from './exercise-deadlines';
import { EXERCISE_STAGES, EXERCISE_STEPS, type StageNumber, type StepNumber } from './exercise-catalogue';
import { type AdoptedDocument } from './exercise-events';
import {
  completedSteps,
  currentStage,
  currentStep,
  type MissingRequirement,
  stepRequirementsMissing,
} from './exercise-requirements';
import { type ExerciseState, type HistoricalPalAct, type StartedExercise } from './exercise-state';
import { exerciseStreamId } from '../shared/stream-ids';

export interface StageSummary {
  readonly number: StageNumber;
  readonly name: string;
  readonly status: 'pendiente' | 'concluida' | 'omitida';
  readonly on?: LocalDate;
  readonly evidence: readonly string[];
  readonly justification?: string;
  readonly mergedWith?: readonly StageNumber[];
}

export interface StepSummary {
  readonly number: StepNumber;
  readonly name: string;
  readonly status: 'pendiente' | 'concluido';
  readonly completedOn?: LocalDate;
  readonly evidence: readonly string[];
  readonly automatic?: boolean;
}

/**
 * The Temporal search attributes of DESIGN.md, ready to upsert. `FacilitadorVacante` is the STL's alone: an STL in
 * integration is not vacant, which its exercise cannot tell.
 */
export interface ExerciseSearchAttributes {
  readonly Entidad: Entidad;
  readonly Paso: number;
  readonly Etapa: number;
  readonly EscalacionesAbiertas: number;
}

/** One exercise at a glance, for the coordinators' board, the read model and the open-data export. */
export interface ExerciseSummary {
  readonly streamId: string;
  readonly entidad: Entidad;
  readonly entidadName: string;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly currentStep: StepNumber;
  readonly completedSteps: readonly StepNumber[];
  readonly currentStage: StageNumber;
  readonly completedStages: readonly StageNumber[];
  readonly skippedStages: readonly StageNumber[];
  /** What the current step still lacks (empty once closed). */
  readonly missingForCurrentStep: readonly MissingRequirement[];
  readonly startedOn: LocalDate;
  readonly lastProgressOn: LocalDate;
  readonly progressRecordedOn: LocalDate;
  /** While the PAL is not launched: the day the garante is reminded if no progress is recorded before. */
  readonly stallReminderOn?: LocalDate;
  readonly palLaunchedOn?: LocalDate;
  readonly monitoringDueOn?: LocalDate;
  readonly monitoringCompletedOn?: LocalDate;
  readonly evaluationDueOn?: LocalDate;
  readonly evaluationCompletedOn?: LocalDate;
  readonly closedOn?: LocalDate;
  /** The PAL's acts recorded after their day, with their justification; absent when there is none. */
  readonly historicalActs?: readonly HistoricalPalAct[];
  readonly openEscalations: number;
  readonly escalations: readonly Escalation[];
  /** The last status the STL reported, or null before the first. */
  readonly stl: StlStatusReport | null;
  readonly governanceMechanism?: AdoptedDocument;
  readonly annualAgenda?: AdoptedDocument;
  readonly commitments: {
    readonly total: number;
    readonly byKind: Readonly<Record<CommitmentKind, number>>;
    readonly byCompletion: Readonly<Record<CommitmentCompletion, number>>;
    /** The draft before the launch, then the PAL's commitments with their latest progress. */
    readonly items: readonly Pick<Commitment, 'id' | 'title' | 'kind' | 'completion' | 'reportedOn'>[];
  };
  readonly nextDeadline?: { readonly id: string; readonly kind: ExerciseDeadlineKind; readonly dueOn: LocalDate };
  readonly stages: readonly StageSummary[];
  readonly steps: readonly StepSummary[];
  readonly searchAttributes: ExerciseSearchAttributes;
}

/** Undefined before the exercise starts: there is nothing to show yet. */
export function exerciseSummary(state: ExerciseState, policy: DeadlinePolicy): ExerciseSummary | undefined {
  if (state.status === 'not_started') return undefined;
  const stages = stageSummaries(state);
  const step = currentStep(state);
  const openEscalations = countOpen(state.escalations);
  const next = exerciseDeadlines(state, policy)[0];
  return {
    streamId: exerciseStreamId(state.entidad, state.number),
    entidad: state.entidad,
    entidadName: entidadName(state.entidad),
    number: state.number,
    status: state.status,
    currentStep: step,
    completedSteps: completedSteps(state),
    currentStage: currentStage(state),
    completedStages: numbersWith(stages, 'concluida'),
    skippedStages: numbersWith(stages, 'omitida'),
    missingForCurrentStep: state.status === 'closed' ? [] : stepRequirementsMissing(state, step),
    startedOn: state.startedOn,
    lastProgressOn: state.lastProgressOn,
    progressRecordedOn: state.progressRecordedOn,
    ...(state.status === 'open' && !state.pal && { stallReminderOn: stallReminderOn(state.progressRecordedOn, policy) }),
    ...palDates(state),
    openEscalations,
    escalations: state.escalations,
    stl: state.stl ?? null,
    ...(state.governanceMechanism && { governanceMechanism: state.governanceMechanism }),
    ...(state.annualAgenda && { annualAgenda: state.annualAgenda }),
    commitments: commitmentCounts(state),
    ...(next && { nextDeadline: { id: next.id, kind: next.kind, dueOn: next.dueOn } }),
    stages,
    steps: stepSummaries(state),
    searchAttributes: exerciseSearchAttributes(state),
  };
}

/** What the workflow upserts after each change, so the Temporal UI and CLI can filter exercises. */
export function exerciseSearchAttributes(state: StartedExercise): ExerciseSearchAttributes {
  return {
    Entidad: state.entidad,
    Paso: currentStep(state),
    Etapa: currentStage(state),
    EscalacionesAbiertas: countOpen(state.escalations),
  };
}

function palDates(state: StartedExercise) {
  return {
    ...(state.pal && {
      palLaunchedOn: state.pal.launchedOn,
      monitoringDueOn: state.pal.monitoringDueOn,
      evaluationDueOn: state.pal.evaluationDueOn,
    }),
    ...(state.monitoring && { monitoringCompletedOn: state.monitoring.completedOn }),
    ...(state.evaluation && { evaluationCompletedOn: state.evaluation.completedOn }),
    ...(state.status === 'closed' && { closedOn: state.closedOn }),
    ...(state.historicalActs?.length && { historicalActs: state.historicalActs }),
  };
}

function stageSummaries(state: StartedExercise): StageSummary[] {
  return EXERCISE_STAGES.map(({ number, name }) => {
    const record = state.stages[number];
    if (!record) return { number, name, status: 'pendiente', evidence: [] };
    const { on, evidence, justification, mergedWith } = record;
    return {
      number,
      name,
      status: record.status === 'completed' ? 'concluida' : 'omitida',
      on,
      evidence,
      ...(justification !== undefined && { justification }),
      ...(mergedWith !== undefined && { mergedWith }),
    };
  });
}

function stepSummaries(state: StartedExercise): StepSummary[] {
  return EXERCISE_STEPS.map(({ number, name }) => {
    const record = state.steps[number];
    return record
      ? {
          number,
          name,
          status: 'concluido',
          completedOn: record.completedOn,
          evidence: record.evidence,
          automatic: record.automatic,
        }
      : { number, name, status: 'pendiente', evidence: [] };
  });
}

function numbersWith(stages: readonly StageSummary[], status: StageSummary['status']): StageNumber[] {
  return stages.filter((stage) => stage.status === status).map((stage) => stage.number);
}

function commitmentCounts(state: StartedExercise): ExerciseSummary['commitments'] {
  return {
    total: state.commitments.length,
    byKind: countBy(
      COMMITMENT_KINDS,
      state.commitments.map((commitment) => commitment.kind),
    ),
    byCompletion: countBy(
      COMMITMENT_COMPLETIONS,
      state.commitments.map((commitment) => commitment.completion),
    ),
    items: state.commitments.map(({ id, title, kind, completion, reportedOn }) => ({
      id,
      title,
      kind,
      completion,
      ...(reportedOn !== undefined && { reportedOn }),
    })),
  };
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, values.filter((value) => value === key).length])) as Record<
    K,
    number
  >;
}
