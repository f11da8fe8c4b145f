import { type DomainEvent } from '../shared/decider';
import { type Audience } from '../shared/deadline';
import { type Entidad } from '../shared/entidades';
import {
  type EscalationAcknowledgedData,
  type EscalationRaisedData,
  type EscalationResolvedData,
  type ReminderDueData,
} from '../shared/escalation';
import { type HistoricalAct } from '../shared/historical-act';
import { type Instant, type LocalDate } from '../shared/local-date';
import { type Commitment, type CommitmentCompletion } from './commitment-rules';
import { type StlStatusReport } from './exercise-commands';
import { type StageNumber, type StepNumber } from './exercise-catalogue';

/**
 * Facts of an exercise. Progress events carry `recordedAt` (the command's `now`): the stall clock counts from the
 * day progress was recorded, not from the business date reported, so a late report never raises an escalation
 * on arrival (see exercise.deadlines.ts).
 */
export type ExerciseStarted = DomainEvent<
  'ExerciseStarted',
  { entidad: Entidad; number: number; startedOn: LocalDate; recordedAt: Instant }
>;

export type StageCompleted = DomainEvent<
  'StageCompleted',
  {
    stage: StageNumber;
    completedOn: LocalDate;
    evidence: readonly string[];
    justification?: string;
    /** The other stages completed by the same act, when merged. */
    mergedWith?: readonly StageNumber[];
    recordedAt: Instant;
  }
>;

/** Always beside the StageCompleted whose act skipped it, with the recorded justification. */
export type StageSkipped = DomainEvent<
  'StageSkipped',
  { stage: StageNumber; skippedOn: LocalDate; justification: string; skippedBy: StageNumber }
>;

export type StepCompleted = DomainEvent<
  'StepCompleted',
  { step: StepNumber; completedOn: LocalDate; evidence: readonly string[]; automatic: boolean; recordedAt: Instant }
>;

export interface AdoptedDocument {
  readonly adoptedOn: LocalDate;
  readonly documentUrl: string;
}

export type GovernanceMechanismRecorded = DomainEvent<
  'GovernanceMechanismRecorded',
  AdoptedDocument & { recordedAt: Instant }
>;

export type AnnualAgendaRecorded = DomainEvent<'AnnualAgendaRecorded', AdoptedDocument & { recordedAt: Instant }>;

export type StlStatusRecorded = DomainEvent<'StlStatusRecorded', StlStatusReport & { recordedAt: Instant }>;

/** Events of the PAL's acts carry `historical` only when the act was recorded after its day. */
export interface HistoricalRecord {
  readonly historical?: HistoricalAct;
}

/** `definedOn` is absent from drafts recorded before it existed: those are dated by `recordedAt`. */
export type CommitmentsDefined = DomainEvent<
  'CommitmentsDefined',
  { commitments: readonly Commitment[]; definedOn?: LocalDate; recordedAt: Instant } & HistoricalRecord
>;

export type PalLaunched = DomainEvent<
  'PalLaunched',
  {
    launchedOn: LocalDate;
    commitments: readonly Commitment[];
    evidence: readonly string[];
    monitoringDueOn: LocalDate;
    evaluationDueOn: LocalDate;
    recordedAt: Instant;
  } & HistoricalRecord
>;

export type CommitmentProgressUpdated = DomainEvent<
  'CommitmentProgressUpdated',
  {
    commitmentId: string;
    completion: CommitmentCompletion;
    previous: CommitmentCompletion;
    reportedOn: LocalDate;
    evidence: readonly string[];
  } & HistoricalRecord
>;

export interface PalReview extends HistoricalRecord {
  readonly completedOn: LocalDate;
  readonly summary: string;
  readonly evidence: readonly string[];
  /** The garante's micrositio with the evidence and the tablero de seguimiento, as the review found it. */
  readonly micrositioUrl?: string;
}

export type MonitoringRecorded = DomainEvent<'MonitoringRecorded', PalReview>;

export type EvaluationRecorded = DomainEvent<'EvaluationRecorded', PalReview>;

export type ExerciseClosed = DomainEvent<'ExerciseClosed', { closedOn: LocalDate }>;

export type ReminderDue = DomainEvent<'ReminderDue', ReminderDueData>;

export type EscalationRaised = DomainEvent<'EscalationRaised', EscalationRaisedData>;

export type EscalationAcknowledged = DomainEvent<'EscalationAcknowledged', EscalationAcknowledgedData>;

export type EscalationResolved = DomainEvent<'EscalationResolved', EscalationResolvedData>;

export interface PalReviewDueData {
  readonly deadlineId: string;
  readonly dueOn: LocalDate;
  readonly audience: readonly Audience[];
  /** Spanish, one sentence, for the notification. */
  readonly message: string;
  readonly entidad: Entidad;
  readonly exerciseNumber: number;
  readonly palLaunchedOn: LocalDate;
}

/** Six months into the PAL: INAI's Secretaría Técnica monitors (seis-pasos-2016.txt, paso 6). */
export type MonitoringDue = DomainEvent<'MonitoringDue', PalReviewDueData>;

/**
 * The PAL's year is over: INAI coordinates the evaluation, and the STL must renew its civil-society
 * representation ("se renueva al término de cada PAL", DOMAIN.md "Renewal"). The workflow layer forwards
 * `stlRenewal` to the workflow `stl/<entidad>`; the exercise does not wait for it.
 */
export type EvaluationDue = DomainEvent<
  'EvaluationDue',
  PalReviewDueData & { stlRenewal: { stlStreamId: string; sector: 'sociedad_civil'; palEndedOn: LocalDate } }
>;

export type ExerciseEvent =
  | ExerciseStarted
  | StageCompleted
  | StageSkipped
  | StepCompleted
  | GovernanceMechanismRecorded
  | AnnualAgendaRecorded
  | StlStatusRecorded
  | CommitmentsDefined
  | PalLaunched
  | CommitmentProgressUpdated
  | MonitoringRecorded
  | EvaluationRecorded
  | ExerciseClosed
  | ReminderDue
  | EscalationRaised
  | EscalationAcknowledged
  | EscalationResolved
  | MonitoringDue
  | EvaluationDue;
