import { type Command } from '../shared/decider';
import { type IncidentData } from '../shared/escalation';
import { type HistoricalAct } from '../shared/historical-act';
import { type LocalDate } from '../shared/local-date';
import { type CommitmentCompletion, type CommitmentInput } from './commitment-rules';

/**
 * What people and workflows ask of an exercise (stream `exercise/<entidad>/<n>`). Numbers and codes arrive as
 * plain values from HTTP and are checked by `decide`, which answers with a DomainError rather than trusting them.
 */
export type StartExercise = Command<'StartExercise', { entidad: string; number: number; startedOn: LocalDate }>;

export type CompleteStage = Command<
  'CompleteStage',
  {
    stage: number;
    completedOn: LocalDate;
    /** URLs of the evidence (acta, convocatoria, fotos) published on the micrositio. */
    evidence?: readonly string[];
    /** Required to skip earlier open stages or to merge several stages in one act (Anexo 1: no single model). */
    justification?: string;
    /** Other open stages completed by the same act. */
    mergedWith?: readonly number[];
  }
>;

/** Only steps 1 and 4 complete this way; for 2, 3, 5 and 6 the answer lists what is still missing. */
export type CompleteStep = Command<
  'CompleteStep',
  { step: number; completedOn: LocalDate; evidence?: readonly string[] }
>;

export type RecordGovernanceMechanism = Command<
  'RecordGovernanceMechanism',
  { adoptedOn: LocalDate; documentUrl: string }
>;

export type RecordAnnualAgenda = Command<'RecordAnnualAgenda', { adoptedOn: LocalDate; documentUrl: string }>;

/** Seats of one sector of the STL: "elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt). */
export interface SectorComposition {
  readonly sector: string;
  /** Spanish, as the STL names it (Morelos' fourth sector has its own name). */
  readonly label: string;
  readonly titulares: number;
  readonly suplentes: number;
}

/** The months between progress reports the STL's mechanism sets, from the first day of the version that set them. */
export interface ProgressReportRule {
  /** Null for the version in force since the STL's registration. */
  readonly validFrom: LocalDate | null;
  readonly months: number;
}

/** What the exercise needs to know of its STL; the STL workflow sends it whenever that changes. */
export interface StlStatusReport {
  /** The STL stream's version when it reported: signals may arrive out of order, and an older report never wins. */
  readonly stlVersion?: number;
  readonly installedOn?: LocalDate;
  /** Every sector of the STL with its titulares and suplentes (absent in reports of STL runs from before). */
  readonly composition?: readonly SectorComposition[];
  /** The day the composition became complete, by the members' own dates (absent in older reports). */
  readonly compositionCompleteOn?: LocalDate;
  /** `appointedOn` is absent from reports sent before the STL told it: those count from their recording. */
  readonly facilitador: { readonly nombre: string; readonly appointedOn?: LocalDate } | null;
  readonly lastSessionOn?: LocalDate;
  readonly nextSessionDueOn?: LocalDate;
  /** Each change of the period, oldest first (absent in reports of STL runs from before: two months throughout). */
  readonly progressReports?: readonly ProgressReportRule[];
  /**
   * The day the STL adopted its own mecanismo de gobernanza (stage 9); null while only the registration's provisional
   * version applies. Absent in reports of STL runs from before, and for STLs whose mechanism predates the versions.
   */
  readonly mechanismAdoptedOn?: LocalDate | null;
}

export type RecordStlStatus = Command<'RecordStlStatus', StlStatusReport>;

/**
 * The acts of the PAL are dated the day they are recorded; an earlier date is a historical act and needs
 * `historical.justification` (`null` is a client's way of saying "none").
 */
export interface PalAct {
  readonly historical?: HistoricalAct | null;
}

/**
 * The commitments drafted at the mesas participativas (step 4); each call replaces the previous draft. `definedOn`
 * is the day of the mesas that agreed them, today when absent.
 */
export type DefineCommitments = Command<
  'DefineCommitments',
  { commitments: readonly CommitmentInput[]; definedOn?: LocalDate } & PalAct
>;

/** Launching the PAL completes step 5; without `commitments` the defined ones are used. */
export type LaunchPal = Command<
  'LaunchPal',
  { launchedOn: LocalDate; commitments?: readonly CommitmentInput[]; evidence?: readonly string[] } & PalAct
>;

export type UpdateCommitmentProgress = Command<
  'UpdateCommitmentProgress',
  {
    commitmentId: string;
    completion: CommitmentCompletion;
    reportedOn: LocalDate;
    evidence?: readonly string[];
  } & PalAct
>;

export interface PalReviewInput extends PalAct {
  readonly completedOn: LocalDate;
  readonly summary: string;
  readonly evidence?: readonly string[];
  /** The micrositio the review found (seis-pasos-2016.txt, paso 6); step 6 closes only once one is on record. */
  readonly micrositioUrl?: string;
}

export type RecordMonitoring = Command<'RecordMonitoring', PalReviewInput>;

export type RecordEvaluation = Command<'RecordEvaluation', PalReviewInput>;

export type FireDeadline = Command<'FireDeadline', { deadlineId: string }>;

/** Recorded by the workflow itself when its STL refused or could not receive what the exercise asked of it. */
export type RecordExerciseIncident = Command<'RecordIncident', IncidentData>;

export type AcknowledgeEscalation = Command<'AcknowledgeEscalation', { escalationId: string }>;

export type ResolveEscalation = Command<'ResolveEscalation', { escalationId: string; resolution: string }>;

export type ExerciseCommand =
  | StartExercise
  | CompleteStage
  | CompleteStep
  | RecordGovernanceMechanism
  | RecordAnnualAgenda
  | RecordStlStatus
  | DefineCommitments
  | LaunchPal
  | UpdateCommitmentProgress
  | RecordMonitoring
  | RecordEvaluation
  | FireDeadline
  | RecordExerciseIncident
  | AcknowledgeEscalation
  | ResolveEscalation;
