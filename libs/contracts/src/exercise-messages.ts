import { type DeadlinePolicy, type ExerciseCommand, type ExerciseState } from '@app/domain';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { type CommandRequest } from './command-messages';
import { defineCommandUpdates } from './command-updates';
import { type Snapshot } from './snapshot';

/** Commands people send; `FireDeadline` and `RecordIncident` are the workflow's own and never come from outside. */
export type ExerciseRequestType = Exclude<ExerciseCommand['type'], 'FireDeadline' | 'RecordIncident'>;

export const exerciseUpdates = defineCommandUpdates<ExerciseCommand, ExerciseRequestType>({
  StartExercise: true,
  CompleteStage: true,
  CompleteStep: true,
  RecordGovernanceMechanism: true,
  RecordAnnualAgenda: true,
  RecordStlStatus: true,
  DefineCommitments: true,
  LaunchPal: true,
  UpdateCommitmentProgress: true,
  RecordMonitoring: true,
  RecordEvaluation: true,
  AcknowledgeEscalation: true,
  ResolveEscalation: true,
});

export const EXERCISE_REQUEST_TYPES = Object.keys(exerciseUpdates) as ExerciseRequestType[];

/** Fire-and-forget commands from other workflows (the STL reporting its status). */
export const exerciseCommandSignal = defineSignal<[CommandRequest]>('exerciseCommand');

export const getExerciseState = defineQuery<ExerciseState>('getExerciseState');

export interface ExerciseWorkflowInput {
  readonly entidad: string;
  readonly number: number;
  readonly snapshot?: Snapshot<ExerciseState>;
  /** The deployment's reminder and escalation numbers; the defaults of DOMAIN.md when absent. */
  readonly policy?: DeadlinePolicy;
}
