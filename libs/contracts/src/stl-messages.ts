import { type DeadlinePolicy, type StlCommand, type StlState } from '@app/domain';
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { type CommandRequest } from './command-messages';
import { defineCommandUpdates } from './command-updates';
import { type Snapshot } from './snapshot';

/**
 * Commands people send; `FireDeadline` and `RecordIncident` are the workflow's own, `ReportUndeliverableMail` the
 * worker's and `ConcludeFacilitadorSelection` the exercise's (through `stlCommandSignal`): none comes from outside.
 */
export type StlRequestType = Exclude<
  StlCommand['type'],
  'FireDeadline' | 'RecordIncident' | 'ReportUndeliverableMail' | 'ConcludeFacilitadorSelection'
>;

export const stlUpdates = defineCommandUpdates<StlCommand, StlRequestType>({
  RegisterStl: true,
  ChangeDecisionRule: true,
  AdoptGovernanceMechanism: true,
  RecordWorkingMeeting: true,
  SetNonWorkingDays: true,
  AddMember: true,
  InstallStl: true,
  AppointFacilitador: true,
  VacateFacilitador: true,
  ConveneSession: true,
  CancelSession: true,
  RescheduleSession: true,
  AnswerConvocation: true,
  RecordAttendance: true,
  RecordDecision: true,
  ApproveMinutes: true,
  ProposeRemoval: true,
  DecideRemoval: true,
  ResignMember: true,
  RenewCivilSociety: true,
  CompleteCivilSocietyRenewal: true,
  AcknowledgeEscalation: true,
  ResolveEscalation: true,
});

/** Fire-and-forget commands from other workflows (the exercise installing the STL, the PAL's end). */
export const stlCommandSignal = defineSignal<[CommandRequest]>('stlCommand');

/** The exercise now running for this state: the STL reports its status to it from then on. */
export const exerciseOpenedSignal = defineSignal<[{ readonly exerciseId: string }]>('exerciseOpened');

export const getStlState = defineQuery<StlState>('getStlState');

export interface StlWorkflowInput {
  readonly entidad: string;
  readonly snapshot?: Snapshot<StlState>;
  /** Carried across continue-as-new: the exercise to report to. */
  readonly exerciseId?: string;
  /** The deployment's reminder and escalation numbers; the defaults of DOMAIN.md when absent. */
  readonly policy?: DeadlinePolicy;
}
