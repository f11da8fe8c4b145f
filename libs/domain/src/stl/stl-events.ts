import { type DomainEvent } from '../shared/decider';
import { type Entidad } from '../shared/entidades';
import {
  type EscalationAcknowledgedData,
  type EscalationRaisedData,
  type EscalationResolvedData,
  type ReminderDueData,
} from '../shared/escalation';
import { type Instant, type LocalDate } from '../shared/local-date';
import { type ConvocationAnswer } from './convocation-answers';
import {
  type AttendanceRecord,
  type CompositionWarning,
  type Facilitador,
  type Member,
  type RecordedDecision,
} from './stl-state';
import { type GovernanceBasis, type GovernanceMechanism } from './governance';
import { type ActBasis } from './reserved-acts';
import { type DecisionRule, type RemovalCause, type Sector, type SessionKind, type VacancyHow } from './stl-terms';

export type StlRegistered = DomainEvent<
  'StlRegistered',
  {
    readonly entidad: Entidad;
    readonly decisionRule: DecisionRule;
    readonly extraNonWorkingDays: readonly LocalDate[];
    readonly extraSectorName: string | null;
  }
>;
export type DecisionRuleChanged = DomainEvent<
  'DecisionRuleChanged',
  { readonly from: DecisionRule; readonly to: DecisionRule }
>;
/** A version of the mechanism, in force from `validFrom` until the next one. */
export type GovernanceMechanismAdopted = DomainEvent<
  'GovernanceMechanismAdopted',
  {
    readonly version: number;
    readonly mechanism: GovernanceMechanism;
    readonly validFrom: LocalDate;
    readonly basis: GovernanceBasis;
  }
>;
export type WorkingMeetingRecorded = DomainEvent<
  'WorkingMeetingRecorded',
  {
    readonly meetingId: string;
    readonly date: LocalDate;
    readonly topic: string;
    readonly participants: readonly string[];
  }
>;
export type NonWorkingDaysSet = DomainEvent<'NonWorkingDaysSet', { readonly dates: readonly LocalDate[] }>;
export type MemberAdded = DomainEvent<'MemberAdded', Member>;
export type StlInstalled = DomainEvent<'StlInstalled', { readonly installedOn: LocalDate; readonly actaUrl?: string }>;
export type FacilitadorAppointed = DomainEvent<'FacilitadorAppointed', Facilitador>;
export type FacilitadorVacated = DomainEvent<
  'FacilitadorVacated',
  { readonly facilitadorId: string; readonly vacatedOn: LocalDate; readonly reason?: string }
>;
export type FacilitadorSelectionConcluded = DomainEvent<
  'FacilitadorSelectionConcluded',
  { readonly concludedOn: LocalDate }
>;
export type CompositionWarningsChanged = DomainEvent<
  'CompositionWarningsChanged',
  { readonly warnings: readonly CompositionWarning[] }
>;

export type SessionConvened = DomainEvent<
  'SessionConvened',
  {
    readonly sessionId: string;
    readonly date: LocalDate;
    readonly kind: SessionKind;
    readonly convokedOn: LocalDate;
    readonly agenda: readonly string[];
    readonly startTime?: string;
    readonly endTime?: string;
    readonly place?: string;
    readonly link?: string;
    /** The latest valid convocation date for this session on the STL's calendar. */
    readonly noticeDeadline: LocalDate;
    readonly convenedAt: Instant;
    /** Recorded after it was issued, with the reason: the notice counts from `convokedOn` only then. */
    readonly historical?: { readonly justification: string };
  }
>;
export type SessionCancelled = DomainEvent<
  'SessionCancelled',
  { readonly sessionId: string; readonly cancelledOn: LocalDate; readonly reason: string }
>;
export type SessionRescheduled = DomainEvent<
  'SessionRescheduled',
  {
    readonly sessionId: string;
    readonly previousDate: LocalDate;
    readonly date: LocalDate;
    readonly reason: string;
    readonly rescheduledOn: LocalDate;
    readonly rescheduledAt: Instant;
    /** The latest valid convocation date for the new date: the day of the change at the latest. */
    readonly noticeDeadline: LocalDate;
  }
>;
export type ConvocationAnswered = DomainEvent<
  'ConvocationAnswered',
  { readonly sessionId: string; readonly memberId: string; readonly answer: ConvocationAnswer; readonly answeredAt: Instant }
>;
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  AttendanceRecord & { readonly sessionId: string; readonly code?: 'NO_QUORUM' | 'NO_CIVIL_SOCIETY_PRESENT' }
>;
/** A later roll call of the same session (late arrivals), before its first decision: replaces the attendance. */
export type AttendanceAmended = DomainEvent<
  'AttendanceAmended',
  AttendanceRecord & { readonly sessionId: string; readonly code?: 'NO_QUORUM' | 'NO_CIVIL_SOCIETY_PRESENT' }
>;
export type DecisionRecorded = DomainEvent<'DecisionRecorded', RecordedDecision & { readonly sessionId: string }>;
export type MinutesApproved = DomainEvent<
  'MinutesApproved',
  { readonly sessionId: string; readonly approvedOn: LocalDate; readonly signedBy: readonly string[] }
>;

export type RemovalProposed = DomainEvent<
  'RemovalProposed',
  {
    readonly memberId: string;
    readonly cause: RemovalCause;
    readonly proposedOn: LocalDate;
    readonly proposedBy?: string;
    readonly sessionId?: string;
    /** For `inactividad`: the three sessions in a row the member's seat missed. */
    readonly absentSessionIds?: readonly string[];
  }
>;
export type RemovalDecided = DomainEvent<
  'RemovalDecided',
  {
    readonly memberId: string;
    readonly approved: boolean;
    /** The session that decided; absent for a removal recorded as a historical act. */
    readonly sessionId?: string;
    readonly decidedOn: LocalDate;
    /** The decision voted on (or the historical act); absent in runs begun before mechanisms. */
    readonly basis?: ActBasis;
  }
>;
export type MemberResigned = DomainEvent<'MemberResigned', { readonly memberId: string; readonly on: LocalDate }>;
export type MemberRemoved = DomainEvent<
  'MemberRemoved',
  { readonly memberId: string; readonly on: LocalDate; readonly cause: RemovalCause }
>;
export type SuplentePromoted = DomainEvent<
  'SuplentePromoted',
  { readonly seatId: string; readonly memberId: string; readonly formerTitularId: string; readonly on: LocalDate }
>;
export type VacancyOpened = DomainEvent<
  'VacancyOpened',
  {
    readonly seatId: string;
    readonly sector: Sector;
    readonly role: 'titular' | 'suplente';
    readonly how: VacancyHow;
    readonly on: LocalDate;
  }
>;
export type CivilSocietyRenewalStarted = DomainEvent<
  'CivilSocietyRenewalStarted',
  { readonly palEndedOn: LocalDate; readonly seatIds: readonly string[] }
>;
export type CivilSocietyRenewalCompleted = DomainEvent<
  'CivilSocietyRenewalCompleted',
  { readonly completedOn: LocalDate; readonly titularIds: readonly string[] }
>;

export type StlReminderDue = DomainEvent<'ReminderDue', ReminderDueData>;
export type StlEscalationRaised = DomainEvent<'EscalationRaised', EscalationRaisedData>;
export type StlEscalationAcknowledged = DomainEvent<'EscalationAcknowledged', EscalationAcknowledgedData>;
export type StlEscalationResolved = DomainEvent<'EscalationResolved', EscalationResolvedData>;

export type StlEvent =
  | StlRegistered
  | DecisionRuleChanged
  | GovernanceMechanismAdopted
  | WorkingMeetingRecorded
  | NonWorkingDaysSet
  | MemberAdded
  | StlInstalled
  | FacilitadorAppointed
  | FacilitadorVacated
  | FacilitadorSelectionConcluded
  | CompositionWarningsChanged
  | SessionConvened
  | SessionCancelled
  | SessionRescheduled
  | ConvocationAnswered
  | AttendanceRecorded
  | AttendanceAmended
  | DecisionRecorded
  | MinutesApproved
  | RemovalProposed
  | RemovalDecided
  | MemberResigned
  | MemberRemoved
  | SuplentePromoted
  | VacancyOpened
  | CivilSocietyRenewalStarted
  | CivilSocietyRenewalCompleted
  | StlReminderDue
  | StlEscalationRaised
  | StlEscalationAcknowledged
  | StlEscalationResolved;

export type StlEventType = StlEvent['type'];
