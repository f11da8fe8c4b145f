import { type Command } from '../shared/decider';
import { type IncidentData } from '../shared/escalation';
import { type HistoricalAct } from '../shared/historical-act';
import { type Entidad } from '../shared/entidades';
import { type LocalDate } from '../shared/local-date';
import { type ConvocationAnswer } from './convocation-answers';
import { type GovernanceMechanismInput } from './governance';
import { type ActAuthority, type DecisionRef, type ReservedAct } from './reserved-acts';
import { type CastVote } from './stl-state';
import { type DecisionRule, type MemberRole, type RemovalCause, type Sector, type SessionKind } from './stl-terms';

export type RegisterStl = Command<
  'RegisterStl',
  {
    readonly entidad: Entidad;
    readonly decisionRule: DecisionRule;
    readonly extraNonWorkingDays?: readonly LocalDate[];
    /** Name of a fourth sector (Morelos: "Organismos autónomos"); members then may use sector `adicional`. */
    readonly extraSectorName?: string;
    /** The mechanism the STL starts under; "mínimos de la guía" with `decisionRule` when absent. */
    readonly mechanism?: GovernanceMechanismInput;
  }
>;
/** Once installed, a change of rule is the STL's own decision (or a historical act). */
export type ChangeDecisionRule = Command<'ChangeDecisionRule', { readonly decisionRule: DecisionRule } & ActAuthority>;
/**
 * Stage 9: the mechanism the representatives agreed, in force from `adoptedOn` (default today). Once installed,
 * a new version rests on the STL's decision (in force from that session's day) or on a historical act.
 */
export type AdoptGovernanceMechanism = Command<
  'AdoptGovernanceMechanism',
  { readonly mechanism: GovernanceMechanismInput; readonly adoptedOn?: LocalDate } & ActAuthority
>;
/** A reunión de trabajo (MG cap. VI, 5): recorded apart, never a session, never an absence. */
export type RecordWorkingMeeting = Command<
  'RecordWorkingMeeting',
  {
    readonly meetingId: string;
    readonly date: LocalDate;
    readonly topic: string;
    readonly participants: readonly string[];
  }
>;
export type SetNonWorkingDays = Command<'SetNonWorkingDays', { readonly dates: readonly LocalDate[] }>;

export type AddMember = Command<
  'AddMember',
  {
    readonly memberId: string;
    readonly sector: Sector;
    readonly role: MemberRole;
    readonly nombre: string;
    readonly organizacion: string;
    readonly cargo?: string;
    /**
     * Only for an enlace: the titular's letter says whether the enlace has "voz y voto" (mecanismo-gobernanza-edomex.md,
     * cap. IV, I). Default true; an enlace without vote neither votes nor makes quorum.
     */
    readonly hasVote?: boolean;
    readonly email?: string;
    /** For a suplente or enlace: the titular whose seat they sit in. */
    readonly titularId?: string;
    /** For a titular: the vacant seat they fill (omitted: a new seat is opened). */
    readonly seatId?: string;
    readonly joinedOn: LocalDate;
  } & ActAuthority
>;
export type InstallStl = Command<'InstallStl', { readonly installedOn: LocalDate; readonly actaUrl?: string }>;

export type AppointFacilitador = Command<
  'AppointFacilitador',
  {
    /** Defaults to `facilitador:<appointedOn>`; votes cast under this id are rejected. */
    readonly facilitadorId?: string;
    readonly nombre: string;
    readonly procedencia: string;
    readonly organizacion?: string;
    readonly email?: string;
    readonly appointedOn: LocalDate;
  } & ActAuthority
>;
/** Without a date the post is vacant from today; the reason is optional (a DELETE's body is often dropped). */
export type VacateFacilitador = Command<
  'VacateFacilitador',
  { readonly vacatedOn?: LocalDate; readonly reason?: string }
>;

/**
 * From the exercise, never from people: stage 7 ("Selección del facilitador", guia-instalacion-stl.txt, Anexo 1)
 * is closed, so from then on an STL without facilitador has a vacancy rather than a post still to be filled.
 */
export type ConcludeFacilitadorSelection = Command<'ConcludeFacilitadorSelection', { readonly concludedOn: LocalDate }>;

export type ConveneSession = Command<
  'ConveneSession',
  {
    readonly sessionId: string;
    readonly date: LocalDate;
    readonly kind: SessionKind;
    /** Today for a new convocation; an earlier day only for a historical act (`historical`). */
    readonly convokedOn: LocalDate;
    readonly agenda: readonly string[];
    /** `HH:MM`, Mexico City wall-clock time ("a las 10:00 h"); without it the session is a whole day. */
    readonly startTime?: string;
    /** `HH:MM`, after `startTime`; only with it. */
    readonly endTime?: string;
    readonly place?: string;
    readonly link?: string;
    /** Convened back then (paper, another system, the seed of 2017's STLs): never mailed, its members were told. */
    readonly historical?: HistoricalAct;
  }
>;
export type CancelSession = Command<'CancelSession', { readonly sessionId: string; readonly reason: string }>;
/** A convened session moved to another day; the notice counts again, from today, for the new date. */
export type RescheduleSession = Command<
  'RescheduleSession',
  { readonly sessionId: string; readonly date: LocalDate; readonly reason: string }
>;
/** A convened person's answer, sent by the API on their behalf from the personal link of the convocation. */
export type AnswerConvocation = Command<
  'AnswerConvocation',
  { readonly sessionId: string; readonly memberId: string; readonly answer: ConvocationAnswer }
>;
/** Nobody present is a slip more often than a fact: an empty `present` needs `withoutAttendees: true`. */
export type RecordAttendance = Command<
  'RecordAttendance',
  { readonly sessionId: string; readonly present: readonly string[]; readonly withoutAttendees?: boolean }
>;
export type RecordDecision = Command<
  'RecordDecision',
  {
    readonly sessionId: string;
    readonly subject: string;
    readonly consensus: boolean;
    readonly votes: readonly CastVote[];
    /** The reserved act the decision is about, when it authorises one. */
    readonly act?: ReservedAct;
  }
>;
export type ApproveMinutes = Command<
  'ApproveMinutes',
  { readonly sessionId: string; readonly approvedOn: LocalDate; readonly signedBy: readonly string[] }
>;

/** A member proposes; `inactividad` once the seat's absences reach the mechanism's number. */
export type ProposeRemoval = Command<
  'ProposeRemoval',
  {
    readonly memberId: string;
    readonly cause: RemovalCause;
    readonly proposedBy: string;
    /** When the member proposed it (default today): the STL decides it at a later session. */
    readonly proposedOn?: LocalDate;
  }
>;
/**
 * Decided by the STL's vote: `decision` names the session's decision about this removal, whose outcome is the
 * removal's. A historical act gives `approved` with its justification. (`sessionId` with `approved` alone is the
 * bare yes/no of runs begun before mechanisms.)
 */
export type DecideRemoval = Command<
  'DecideRemoval',
  {
    readonly memberId: string;
    readonly decision?: DecisionRef;
    readonly historical?: { readonly justification: string };
    readonly approved?: boolean;
    readonly sessionId?: string;
  }
>;
export type ResignMember = Command<'ResignMember', { readonly memberId: string; readonly on: LocalDate }>;
export type RenewCivilSociety = Command<'RenewCivilSociety', { readonly palEndedOn: LocalDate }>;
export type CompleteCivilSocietyRenewal = Command<'CompleteCivilSocietyRenewal', { readonly completedOn: LocalDate }>;

export type StlFireDeadline = Command<'FireDeadline', { readonly deadlineId: string }>;

/** Recorded by the workflow itself when it refused, or could not deliver, an act of the interplay with its exercise. */
export type RecordStlIncident = Command<'RecordIncident', IncidentData>;
export type StlAcknowledgeEscalation = Command<
  'AcknowledgeEscalation',
  { readonly escalationId: string; readonly by?: string }
>;
export type StlResolveEscalation = Command<
  'ResolveEscalation',
  { readonly escalationId: string; readonly resolution: string; readonly by?: string }
>;

/**
 * From the worker's mail dispatcher, never from people: e-mails of this state that the SMTP server refused for good
 * (bad credentials, a 5xx reply). `reportId` names the report, so the same report delivered twice raises once.
 */
export type ReportUndeliverableMail = Command<
  'ReportUndeliverableMail',
  { readonly reportId: string; readonly undeliverable: number; readonly reason: string }
>;

export type StlCommand =
  | RegisterStl
  | ChangeDecisionRule
  | AdoptGovernanceMechanism
  | RecordWorkingMeeting
  | SetNonWorkingDays
  | AddMember
  | InstallStl
  | AppointFacilitador
  | VacateFacilitador
  | ConcludeFacilitadorSelection
  | ConveneSession
  | CancelSession
  | RescheduleSession
  | AnswerConvocation
  | RecordAttendance
  | RecordDecision
  | ApproveMinutes
  | ProposeRemoval
  | DecideRemoval
  | ResignMember
  | RenewCivilSociety
  | CompleteCivilSocietyRenewal
  | StlFireDeadline
  | RecordStlIncident
  | StlAcknowledgeEscalation
  | StlResolveEscalation
  | ReportUndeliverableMail;

export type StlCommandType = StlCommand['type'];
