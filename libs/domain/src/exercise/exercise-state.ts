import { type Entidad } from '../shared/entidades';
import { acknowledge, type Escalation, resolve } from '../shared/escalation';
import { type HistoricalAct } from '../shared/historical-act';
import { compareDates, type Instant, type LocalDate, localDateAt } from '../shared/local-date';
import { type Commitment } from './commitment-rules';
import { type StlStatusReport } from './exercise-commands';
import {
  type AdoptedDocument,
  type AnnualAgendaRecorded,
  type CommitmentProgressUpdated,
  type ExerciseEvent,
  type ExerciseStarted,
  type GovernanceMechanismRecorded,
  type PalLaunched,
  type PalReview,
  type StageCompleted,
  type StageSkipped,
} from './exercise-events';
import { type StageNumber, type StepNumber } from './exercise-catalogue';

export interface StageRecord {
  readonly stage: StageNumber;
  /** A skipped stage is closed too: later steps count it as done, with its justification on record. */
  readonly status: 'completed' | 'skipped';
  readonly on: LocalDate;
  readonly evidence: readonly string[];
  readonly justification?: string;
  readonly mergedWith?: readonly StageNumber[];
  /** For a skipped stage: the stage whose completion skipped it. */
  readonly skippedBy?: StageNumber;
}

export interface StepRecord {
  readonly step: StepNumber;
  readonly completedOn: LocalDate;
  readonly evidence: readonly string[];
  readonly automatic: boolean;
}

export interface PalRecord {
  readonly launchedOn: LocalDate;
  readonly monitoringDueOn: LocalDate;
  readonly evaluationDueOn: LocalDate;
  readonly monitoringDueRaised: boolean;
  readonly evaluationDueRaised: boolean;
}

export interface ExerciseProgress {
  readonly entidad: Entidad;
  readonly number: number;
  readonly startedOn: LocalDate;
  readonly stages: Readonly<Partial<Record<StageNumber, StageRecord>>>;
  readonly steps: Readonly<Partial<Record<StepNumber, StepRecord>>>;
  /** Business date of the latest progress, as reported (what the dashboard shows). */
  readonly lastProgressOn: LocalDate;
  /** Mexico City date on which progress was last recorded: the stall clock starts here. */
  readonly progressRecordedOn: LocalDate;
  readonly governanceMechanism?: AdoptedDocument;
  readonly annualAgenda?: AdoptedDocument;
  readonly stl?: StlStatusReport;
  /**
   * The current facilitador's appointment, as the STL reports it; for reports without it, the date on which the
   * facilitador first appeared in a recorded STL status.
   */
  readonly facilitadorKnownOn?: LocalDate;
  /** Date on which a recorded STL status first showed a titular and a suplente in every sector. */
  readonly compositionCompleteOn?: LocalDate;
  /** The mesas' draft until the launch, then the PAL's commitments with their progress. */
  readonly commitments: readonly Commitment[];
  /** The day of the mesas that agreed the current draft (its recording day when none was given). */
  readonly commitmentsDefinedOn?: LocalDate;
  /** The PAL's acts recorded after their day, oldest first (absent from states folded before they existed). */
  readonly historicalActs?: readonly HistoricalPalAct[];
  readonly pal?: PalRecord;
  readonly monitoring?: PalReview;
  readonly evaluation?: PalReview;
  readonly escalations: readonly Escalation[];
  /** Deadlines already turned into events; `exerciseDeadlines` never lists them again. */
  readonly firedDeadlineIds: readonly string[];
}

/** What the board marks "Acto histórico": which act of the PAL, its date and why it was recorded late. */
export interface HistoricalPalAct {
  readonly act: 'compromisos' | 'lanzamiento' | 'avance' | 'monitoreo' | 'evaluacion';
  readonly on: LocalDate;
  readonly justification: string;
  readonly commitmentId?: string;
}

export interface NotStartedExercise {
  readonly status: 'not_started';
}

export interface OpenExercise extends ExerciseProgress {
  readonly status: 'open';
}

export interface ClosedExercise extends ExerciseProgress {
  readonly status: 'closed';
  readonly closedOn: LocalDate;
}

export type StartedExercise = OpenExercise | ClosedExercise;
export type ExerciseState = NotStartedExercise | StartedExercise;

export function initialExerciseState(): ExerciseState {
  return { status: 'not_started' };
}

export function evolveExercise(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  if (event.type === 'ExerciseStarted') return started(event.data);
  // A stream always begins with ExerciseStarted; anything before it is ignored rather than invented.
  if (state.status === 'not_started') return state;
  return evolveStarted(state, event);
}

function started(data: ExerciseStarted['data']): OpenExercise {
  return {
    status: 'open',
    entidad: data.entidad,
    number: data.number,
    startedOn: data.startedOn,
    stages: {},
    steps: {},
    lastProgressOn: data.startedOn,
    progressRecordedOn: localDateAt(data.recordedAt),
    commitments: [],
    escalations: [],
    firedDeadlineIds: [],
  };
}

function evolveStarted(state: StartedExercise, event: Exclude<ExerciseEvent, ExerciseStarted>): StartedExercise {
  switch (event.type) {
    case 'StageCompleted':
    case 'StageSkipped':
      return withStage(state, event);
    case 'StepCompleted': {
      const { recordedAt, ...record } = event.data;
      return progressed({ ...state, steps: { ...state.steps, [record.step]: record } }, record.completedOn, recordedAt);
    }
    case 'GovernanceMechanismRecorded':
    case 'AnnualAgendaRecorded':
      return withDocument(state, event);
    case 'StlStatusRecorded':
      return withStlStatus(state, event.data);
    case 'CommitmentsDefined': {
      const { commitments, definedOn = localDateAt(event.data.recordedAt), historical, recordedAt } = event.data;
      const defined = withHistory({ ...state, commitments, commitmentsDefinedOn: definedOn }, 'compromisos', definedOn, historical);
      return progressed(defined, definedOn, recordedAt);
    }
    case 'PalLaunched':
      return withPalLaunched(withHistory(state, 'lanzamiento', event.data.launchedOn, event.data.historical), event.data);
    case 'CommitmentProgressUpdated': {
      const { reportedOn, historical, commitmentId } = event.data;
      return withCommitmentProgress(withHistory(state, 'avance', reportedOn, historical, commitmentId), event.data);
    }
    case 'MonitoringRecorded':
      return { ...withHistory(state, 'monitoreo', event.data.completedOn, event.data.historical), monitoring: event.data };
    case 'EvaluationRecorded':
      return { ...withHistory(state, 'evaluacion', event.data.completedOn, event.data.historical), evaluation: event.data };
    case 'ExerciseClosed':
      return { ...state, status: 'closed', closedOn: event.data.closedOn };
    case 'ReminderDue':
      return fired(state, event.data.deadlineId);
    case 'EscalationRaised':
      return { ...fired(state, event.data.deadlineId), escalations: [...state.escalations, event.data.escalation] };
    case 'EscalationAcknowledged':
      return { ...state, escalations: acknowledge(state.escalations, event.data) };
    case 'EscalationResolved':
      return { ...state, escalations: resolve(state.escalations, event.data) };
    case 'MonitoringDue':
      return withPal(fired(state, event.data.deadlineId), { monitoringDueRaised: true });
    case 'EvaluationDue':
      return withPal(fired(state, event.data.deadlineId), { evaluationDueRaised: true });
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function withStage(state: StartedExercise, event: StageCompleted | StageSkipped): StartedExercise {
  if (event.type === 'StageSkipped') {
    const { stage, skippedOn, justification, skippedBy } = event.data;
    const record: StageRecord = { stage, status: 'skipped', on: skippedOn, evidence: [], justification, skippedBy };
    return { ...state, stages: { ...state.stages, [stage]: record } };
  }
  const { stage, completedOn, recordedAt, ...act } = event.data;
  const record: StageRecord = { stage, status: 'completed', on: completedOn, ...act };
  return progressed({ ...state, stages: { ...state.stages, [stage]: record } }, completedOn, recordedAt);
}

function withDocument(
  state: StartedExercise,
  event: GovernanceMechanismRecorded | AnnualAgendaRecorded,
): StartedExercise {
  const { recordedAt, ...document } = event.data;
  const key = event.type === 'GovernanceMechanismRecorded' ? 'governanceMechanism' : 'annualAgenda';
  return progressed({ ...state, [key]: document }, document.adoptedOn, recordedAt);
}

function withPalLaunched(state: StartedExercise, data: PalLaunched['data']): StartedExercise {
  const { launchedOn, commitments, monitoringDueOn, evaluationDueOn, recordedAt } = data;
  const pal: PalRecord = {
    launchedOn,
    monitoringDueOn,
    evaluationDueOn,
    monitoringDueRaised: false,
    evaluationDueRaised: false,
  };
  return progressed({ ...state, commitments, pal }, launchedOn, recordedAt);
}

function withHistory(
  state: StartedExercise,
  act: HistoricalPalAct['act'],
  on: LocalDate,
  historical: HistoricalAct | undefined,
  commitmentId?: string,
): StartedExercise {
  if (historical === undefined) return state;
  const record: HistoricalPalAct = { act, on, justification: historical.justification, ...(commitmentId && { commitmentId }) };
  return { ...state, historicalActs: [...(state.historicalActs ?? []), record] };
}

function withCommitmentProgress(state: StartedExercise, data: CommitmentProgressUpdated['data']): StartedExercise {
  const { commitmentId, completion, reportedOn, evidence } = data;
  const commitments = state.commitments.map((commitment) =>
    commitment.id === commitmentId ? { ...commitment, completion, reportedOn, evidence } : commitment,
  );
  return { ...state, commitments };
}

function progressed<S extends StartedExercise>(state: S, businessDate: LocalDate, recordedAt: Instant): S {
  return {
    ...state,
    lastProgressOn: later(state.lastProgressOn, businessDate),
    progressRecordedOn: later(state.progressRecordedOn, localDateAt(recordedAt)),
  };
}

function withStlStatus(state: StartedExercise, data: StlStatusReport & { recordedAt: Instant }): StartedExercise {
  const { recordedAt, ...stl } = data;
  const hadFacilitador = state.stl?.facilitador != null;
  const facilitadorKnownOn =
    stl.facilitador === null
      ? undefined
      : (stl.facilitador.appointedOn ?? (hadFacilitador ? state.facilitadorKnownOn : localDateAt(recordedAt)));
  const complete = isCompositionComplete(stl);
  // The STL dates it by its members' joining; older reports only say it is complete, from the day they arrive.
  const compositionCompleteOn = !complete
    ? undefined
    : (stl.compositionCompleteOn ??
      (state.stl && isCompositionComplete(state.stl) ? state.compositionCompleteOn : localDateAt(recordedAt)));
  return { ...state, stl, facilitadorKnownOn, compositionCompleteOn };
}

/** Paso 3: at least one titular and one suplente in each sector of the STL. */
export function isCompositionComplete(stl: StlStatusReport): boolean {
  return (
    stl.composition !== undefined &&
    stl.composition.length > 0 &&
    stl.composition.every((sector) => sector.titulares > 0 && sector.suplentes > 0)
  );
}

function withPal(state: StartedExercise, change: Partial<PalRecord>): StartedExercise {
  return state.pal === undefined ? state : { ...state, pal: { ...state.pal, ...change } };
}

function fired(state: StartedExercise, deadlineId: string): StartedExercise {
  return { ...state, firedDeadlineIds: [...state.firedDeadlineIds, deadlineId] };
}

export function later(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}
