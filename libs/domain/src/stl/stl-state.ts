import { type Entidad } from '../shared/entidades';
import { type Escalation } from '../shared/escalation';
import { type Instant, type LocalDate } from '../shared/local-date';
import { type ConvocationAnswer } from './convocation-answers';
import { earlierRulesVersion, type GovernanceMechanism, type GovernanceVersion, versionOn } from './governance';
import { type ActBasis, type ReservedAct } from './reserved-acts';
import {
  CORE_SECTORS,
  type DecisionRule,
  type MemberRole,
  type RemovalCause,
  type Sector,
  type SessionKind,
  type VacancyHow,
  type VoteValue,
} from './stl-terms';

export interface Member {
  readonly memberId: string;
  readonly sector: Sector;
  readonly role: MemberRole;
  readonly nombre: string;
  readonly organizacion: string;
  readonly cargo?: string;
  /** Present (false) only for an enlace named with voice and no vote. */
  readonly hasVote?: false;
  readonly email?: string;
  /** The seat a titular holds or a suplente/enlace sits in; invitados have none. */
  readonly seatId?: string;
  readonly joinedOn: LocalDate;
  /** For a titular added after the installation: the STL's decision, or the historical act's justification. */
  readonly authorizedBy?: ActBasis;
}

export interface SeatVacancy {
  readonly role: 'titular' | 'suplente';
  readonly how: VacancyHow;
  readonly since: LocalDate;
}

/**
 * A seat (representación) outlives the people in it: its id is the member id of the titular who opened it, and
 * it keeps that id when the suplente is promoted. A seat without titular is vacant and not "active".
 */
export interface Seat {
  readonly seatId: string;
  readonly sector: Sector;
  readonly titularId: string | null;
  readonly suplenteId: string | null;
  readonly enlaceId: string | null;
  /** Sessions in a row at which nobody of the seat was present (inactivity, cap. III, 5 b). */
  readonly consecutiveAbsences: readonly string[];
  /** Every absence of the seat since its titular took it (absent in runs folded before mechanisms: none counted). */
  readonly absences?: readonly string[];
  /**
   * The streak as it stood before the latest roll call, and that roll call's session: an amended roll call of the same
   * session starts from it again, so a seat first marked present and then absent counts its earlier absences too.
   */
  readonly streakBefore?: { readonly sessionId: string; readonly absences: readonly string[] };
  readonly vacancy: SeatVacancy | null;
}

export interface Facilitador {
  readonly facilitadorId: string;
  readonly nombre: string;
  readonly procedencia: string;
  readonly organizacion?: string;
  readonly email?: string;
  readonly appointedOn: LocalDate;
  /** For an STL already installed: the decision that appointed them, or the historical act's justification. */
  readonly authorizedBy?: ActBasis;
}

export type SessionStatus = 'convocada' | 'celebrada' | 'sin_quorum' | 'cancelada';

export interface AttendanceRecord {
  readonly present: readonly string[];
  readonly representedSeatIds: readonly string[];
  readonly absentSeatIds: readonly string[];
  readonly seatsPresent: number;
  readonly seatsActive: number;
  readonly civilSocietyPresent: boolean;
  readonly quorum: boolean;
}

export interface CastVote {
  readonly memberId: string;
  readonly vote: VoteValue;
  readonly reason?: string;
}

export interface SectorTally {
  readonly favor: number;
  readonly contra: number;
  readonly impedimento: number;
}

export interface Tally extends SectorTally {
  readonly bySector: Readonly<Partial<Record<Sector, SectorTally>>>;
}

export type DecisionCode =
  | 'NO_CONSENSUS'
  | 'NO_MAJORITY'
  | 'NO_CIVIL_SOCIETY_VOTE'
  | 'NO_EACH_SECTOR_VOTE'
  | 'TIE_CASTING_VOTE'
  | 'TIE_UNRESOLVED';

export interface DecisionOutcome {
  readonly approved: boolean;
  readonly rule: DecisionRule;
  readonly via?: 'consenso' | 'mayoria' | 'voto_de_calidad';
  readonly code?: DecisionCode;
  readonly tally: Tally;
}

export interface RecordedDecision extends DecisionOutcome {
  readonly subject: string;
  /** The reserved act this decision is about, when it authorises one (reserved-acts.ts). */
  readonly act?: ReservedAct;
  readonly consensus: boolean;
  readonly votes: readonly CastVote[];
}

export interface Session {
  readonly sessionId: string;
  readonly date: LocalDate;
  readonly kind: SessionKind;
  readonly convokedOn: LocalDate;
  readonly agenda: readonly string[];
  /** `HH:MM` Mexico City; absent for sessions convened without an hour (shown as all-day). */
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place?: string;
  readonly link?: string;
  /** When the convocation was recorded: reminders whose moment had already passed are not sent. */
  readonly convenedAt: Instant;
  /** Each change of date, in order: the calendar entry's SEQUENCE is their number. */
  readonly reschedulings?: readonly { readonly from: LocalDate; readonly reason: string; readonly at: Instant }[];
  /** A convocation recorded after it was issued, with its justification (never mailed). */
  readonly historical?: { readonly justification: string };
  /** Each convened person's latest answer to the convocation, by member (or facilitador) id. */
  readonly answers?: Readonly<Record<string, { readonly answer: ConvocationAnswer; readonly at: Instant }>>;
  readonly status: SessionStatus;
  readonly attendance?: AttendanceRecord;
  readonly decisions: readonly RecordedDecision[];
  readonly minutes?: { readonly approvedOn: LocalDate; readonly signedBy: readonly string[] };
  readonly cancellation?: { readonly cancelledOn: LocalDate; readonly reason: string };
}

export interface RemovalProposal {
  readonly memberId: string;
  readonly cause: RemovalCause;
  readonly proposedOn: LocalDate;
  readonly proposedBy?: string;
  /** The session whose attendance made the third absence, for `inactividad`. */
  readonly sessionId?: string;
}

export type CompositionWarningCode =
  | 'SECTOR_IMBALANCE'
  | 'FACILITADOR_VACANT'
  | 'FACILITADOR_FROM_GARANTE'
  | 'FACILITADOR_FROM_REPRESENTED_ORGANIZATION'
  | 'SECTOR_WITHOUT_TITULAR';

export interface CompositionWarning {
  readonly code: CompositionWarningCode;
  /** Spanish, for the dashboard. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

interface StlRecord {
  readonly entidad: Entidad;
  readonly decisionRule: DecisionRule;
  readonly extraNonWorkingDays: readonly LocalDate[];
  /** Display name of the `adicional` sector, or null when the STL has only the three core sectors. */
  readonly extraSectorName: string | null;
  readonly members: Readonly<Record<string, Member>>;
  /** Ids of members who left: never reused, so the event log stays unambiguous. */
  readonly formerMemberIds: readonly string[];
  readonly seats: Readonly<Record<string, Seat>>;
  readonly facilitador: Facilitador | null;
  /** The day the post was vacated; null while filled or when it was never filled. */
  readonly facilitadorVacatedOn: LocalDate | null;
  /** The exercise closed stage 7 (selection of the facilitador) on this day; absent in streams from before. */
  readonly facilitadorSelectionConcludedOn?: LocalDate;
  readonly warnings: readonly CompositionWarning[];
  readonly sessions: Readonly<Record<string, Session>>;
  readonly removalProposals: Readonly<Record<string, RemovalProposal>>;
  readonly renewal: { readonly palEndedOn: LocalDate } | null;
  readonly escalations: readonly Escalation[];
  /** Deadlines already turned into events: never listed again (exactly once). */
  readonly firedDeadlineIds: readonly string[];
  /**
   * The mechanism's versions, oldest first. Empty (or absent, in a snapshot taken before mechanisms) for a stream
   * that never recorded one: see `governanceVersions`.
   */
  readonly governance?: readonly GovernanceVersion[];
  /** Decisions (`<sessionId>#<decisionId>`) already spent on a reserved act. */
  readonly usedDecisions?: readonly string[];
  /** Reserved acts recorded as historical acts: the board warns "acto sin sesión registrada". */
  readonly actsWithoutSession?: readonly HistoricalReservedAct[];
  /** Reuniones de trabajo: recorded apart from sessions, never counted as absences. */
  readonly workingMeetings?: readonly WorkingMeeting[];
}

export interface HistoricalReservedAct {
  readonly act: ReservedAct;
  readonly on: LocalDate;
  readonly justification: string;
}

export interface WorkingMeeting {
  readonly meetingId: string;
  readonly date: LocalDate;
  readonly topic: string;
  readonly participants: readonly string[];
}

export interface UnregisteredStl {
  readonly status: 'unregistered';
}

export interface StlEnIntegracion extends StlRecord {
  readonly status: 'en_integracion';
}

export interface StlInstalado extends StlRecord {
  readonly status: 'instalado';
  readonly installedOn: LocalDate;
  readonly actaUrl?: string;
}

export type RegisteredStl = StlEnIntegracion | StlInstalado;
export type StlState = UnregisteredStl | RegisteredStl;

export function initialStlState(): StlState {
  return { status: 'unregistered' };
}

export function seatList(state: RegisteredStl): Seat[] {
  return Object.values(state.seats);
}

/** Whether a member may vote for a seat: titulares, suplentes, and enlaces named with vote. */
export function canVote(member: Member): boolean {
  return member.role !== 'invitado' && member.hasVote !== false;
}

/** A seat counts for quorum and votes while it has a titular. */
export function activeSeats(state: RegisteredStl): Seat[] {
  return seatList(state).filter((seat) => seat.titularId !== null);
}

export function titularesBySector(state: RegisteredStl): Record<Sector, number> {
  const counts: Record<Sector, number> = { gobierno: 0, sociedad_civil: 0, garante: 0, adicional: 0 };
  for (const seat of activeSeats(state)) counts[seat.sector] += 1;
  return counts;
}

/** Active seats with a suplente, per sector ("elegirán a los titulares y a los suplentes"). */
export function suplentesBySector(state: RegisteredStl): Record<Sector, number> {
  const counts: Record<Sector, number> = { gobierno: 0, sociedad_civil: 0, garante: 0, adicional: 0 };
  for (const seat of activeSeats(state)) if (seat.suplenteId !== null) counts[seat.sector] += 1;
  return counts;
}

/**
 * The day every sector of the STL first had a titular with a suplente, from the members' own joining dates (so a
 * history recorded years later dates it as it happened); undefined while a sector lacks one.
 */
export function compositionCompleteOn(state: RegisteredStl): LocalDate | undefined {
  const sectors: readonly Sector[] = state.extraSectorName === null ? CORE_SECTORS : [...CORE_SECTORS, 'adicional'];
  const completeOn = sectors.map((sector) => {
    const pairs = activeSeats(state)
      .filter((seat) => seat.sector === sector && seat.titularId !== null && seat.suplenteId !== null)
      .map((seat) => [state.members[seat.titularId!].joinedOn, state.members[seat.suplenteId!].joinedOn].sort()[1]);
    return pairs.sort()[0];
  });
  return completeOn.some((date) => date === undefined) ? undefined : completeOn.sort().at(-1);
}

export function missingCoreSectors(state: RegisteredStl): Sector[] {
  const counts = titularesBySector(state);
  return CORE_SECTORS.filter((sector) => counts[sector] === 0);
}

export function sessionList(state: RegisteredStl): Session[] {
  return Object.values(state.sessions).sort((a, b) => a.date.localeCompare(b.date));
}

/** The date of the latest session held with quorum, if any. */
export function lastSessionHeldOn(state: RegisteredStl): LocalDate | undefined {
  return sessionList(state)
    .filter((session) => session.status === 'celebrada')
    .map((session) => session.date)
    .pop();
}

/**
 * The mechanism's versions, oldest first. A stream without a mechanism event was judged, until mechanisms were
 * recorded, by the Estado de México 2019 rules with its own decision rule: that is its first version.
 */
export function governanceVersions(state: RegisteredStl): readonly GovernanceVersion[] {
  const versions = state.governance ?? [];
  return versions.length > 0 ? versions : [earlierRulesVersion(state.decisionRule)];
}

/** The mechanism in force on a date: sessions and decisions are judged by the version of their own day. */
export function mechanismOn(state: RegisteredStl, date: LocalDate): GovernanceMechanism {
  return (versionOn(governanceVersions(state), date) ?? earlierRulesVersion(state.decisionRule)).mechanism;
}

/** The version in force now (the last one). */
export function currentGovernance(state: RegisteredStl): GovernanceVersion {
  const versions = governanceVersions(state);
  return versions[versions.length - 1];
}
