import { stlWorkflowId } from '@app/contracts';
import {
  type AttendanceRecord,
  entidadName,
  type Entidad,
  type LocalDate,
  MEMBER_ROLES,
  type RecordedDecision,
  SECTORS,
  type StlGovernanceSummary,
  type StlSummary,
} from '@app/domain';
import { type EscalationView, type StlMemberView, type StlSessionView, type StlView } from '@app/persistence';

/**
 * What the API shows of an STL, built from the projection rows only: GETs read them, and a command answers with the
 * rows its own append wrote (read-your-writes). Nothing here touches I/O.
 */

export type QuorumCode = 'NO_QUORUM' | 'NO_CIVIL_SOCIETY_PRESENT';

export interface AttendanceResponse extends AttendanceRecord {
  /** Why there was no quorum (absent when there was). */
  readonly code?: QuorumCode;
}

export interface StlMemberResponse {
  readonly memberId: string;
  readonly sector: string;
  readonly role: string;
  readonly nombre: string;
  readonly organizacion: string;
  readonly cargo: string | null;
  readonly email: string | null;
  readonly seatId: string | null;
  readonly hasVote: boolean;
  readonly joinedOn: LocalDate;
}

export interface StlSessionResponse {
  readonly id: string;
  readonly date: LocalDate;
  readonly kind: string;
  readonly status: string;
  readonly convokedOn: LocalDate;
  /** The latest valid convocation date under the STL's calendar as it is now. */
  readonly noticeDeadline: LocalDate;
  readonly agenda: readonly string[];
  /** `HH:MM` Mexico City; null for a session convened without an hour (all-day). */
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly place: string | null;
  readonly link: string | null;
  readonly quorum: boolean | null;
  readonly attendance: AttendanceResponse | null;
  /** In the order recorded; `decisionId` ("1", "2"…) is what an act reserved to the STL names. */
  readonly decisions: readonly (RecordedDecision & { readonly decisionId: string })[];
  readonly minutes: { readonly approvedOn: LocalDate; readonly signedBy: readonly string[] } | null;
  readonly cancellation: { readonly cancelledOn: LocalDate; readonly reason: string } | null;
  /** Earlier dates of a session moved to another day, with why. */
  readonly reschedulings: readonly { readonly from: LocalDate; readonly reason: string; readonly at: string }[];
  /** A convocation recorded after it was issued: its notice counted from `convokedOn`, with this justification. */
  readonly historical: { readonly justification: string } | null;
}

export interface StlEscalationResponse {
  readonly id: string;
  readonly kind: string;
  readonly level: string;
  readonly status: string;
  readonly reason: string;
  readonly raisedAt: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
}

export type StlResponse = StlSummary & { readonly nombre: string; readonly workflowId: string };

/** GET /api/stls/:entidad and the answer of STL-level commands: the summary, then the parts behind its counts. */
export interface StlDetailResponse {
  readonly entidad: Entidad;
  readonly nombre: string;
  readonly workflowId: string;
  readonly summary: StlSummary;
  /** The STL's own non-working days, besides the federal rest days. */
  readonly extraNonWorkingDays: readonly LocalDate[];
  readonly members: readonly StlMemberResponse[];
  readonly sessions: readonly StlSessionResponse[];
  /** Open or acknowledged, not yet resolved. */
  readonly escalations: readonly StlEscalationResponse[];
  /**
   * The STL's mecanismo de gobernanza: version in force, history with validity dates, acts recorded without their
   * session, removal suggestions. Null only for a row projected before mechanisms, until its STL changes again.
   */
  readonly governance: StlGovernanceSummary | null;
}

/**
 * The reason for a failed quorum, as `assessQuorum` gives it when attendance is taken (the recorded attendance keeps
 * the counts, not the code): no majority of the active seats first, then no civil-society seat represented.
 */
export function quorumCode(record: Pick<AttendanceRecord, 'quorum' | 'seatsPresent' | 'seatsActive'>): QuorumCode | undefined {
  if (record.quorum) return undefined;
  return record.seatsPresent * 2 > record.seatsActive ? 'NO_CIVIL_SOCIETY_PRESENT' : 'NO_QUORUM';
}

export function attendanceResponse(record: AttendanceRecord): AttendanceResponse {
  const code = quorumCode(record);
  return code === undefined ? { ...record } : { ...record, code };
}

export function stlResponse(summary: StlSummary): StlResponse {
  return { nombre: entidadName(summary.entidad), workflowId: stlWorkflowId(summary.entidad), ...summary };
}

// Sources ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Addresses are for those who act on the STL: an integrante only reads, and never receives them — neither the
 * members' nor the facilitador's, who is convened like them although not a member.
 */
export function detailFor(reader: { readonly role: string }, detail: StlDetailResponse): StlDetailResponse {
  if (reader.role !== 'integrante') return detail;
  return { ...detail, summary: summaryFor(reader, detail.summary), members: detail.members.map((member) => ({ ...member, email: null })) };
}

/** The summary an account may see: the facilitador's address, as in `detailFor`, is not an integrante's to read. */
export function summaryFor<S extends StlSummary>(reader: { readonly role: string }, summary: S): S {
  if (reader.role !== 'integrante' || summary.facilitador?.email === undefined) return summary;
  const { email: _withheld, ...facilitador } = summary.facilitador;
  return { ...summary, facilitador };
}

export function memberFromRow(row: StlMemberView): StlMemberResponse {
  return {
    memberId: row.memberId,
    sector: row.sector,
    role: row.role,
    nombre: row.nombre,
    organizacion: row.organizacion,
    cargo: row.cargo,
    email: row.email,
    seatId: row.seatId,
    hasVote: row.hasVote,
    joinedOn: row.joinedOn,
  };
}

export function sessionFromRow(row: StlSessionView): StlSessionResponse {
  const attendance = row.attendance as AttendanceRecord | null;
  return {
    id: row.sessionId,
    date: row.date,
    kind: row.kind,
    status: row.status,
    convokedOn: row.convokedOn,
    noticeDeadline: row.noticeDeadline,
    agenda: row.agenda,
    startTime: row.startTime,
    endTime: row.endTime,
    place: row.place,
    link: row.link,
    quorum: row.quorum,
    attendance: attendance ? attendanceResponse(attendance) : null,
    decisions: (row.decisions as readonly RecordedDecision[]).map((decision, index) => ({
      decisionId: String(index + 1),
      ...decision,
    })),
    minutes: row.minutes as StlSessionResponse['minutes'],
    cancellation: row.cancellation as StlSessionResponse['cancellation'],
    historical: row.historicalJustification === null ? null : { justification: row.historicalJustification },
    reschedulings: row.reschedulings,
  };
}

export function escalationFromRow(row: EscalationView): StlEscalationResponse {
  return {
    id: row.escalationId,
    kind: row.kind,
    level: row.level,
    status: row.status,
    reason: row.reason,
    raisedAt: row.raisedAt.toISOString(),
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
  };
}

// Orders: the same whichever source (PostgreSQL collations and JavaScript compare text differently) ─────────────

const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sector, then titulares before suplentes, enlaces and invitados, then id. */
export function compareMembers(a: StlMemberResponse, b: StlMemberResponse): number {
  return (
    rank(SECTORS, a.sector) - rank(SECTORS, b.sector) ||
    rank(MEMBER_ROLES, a.role) - rank(MEMBER_ROLES, b.role) ||
    byText(a.memberId, b.memberId)
  );
}

export const compareSessions = (a: StlSessionResponse, b: StlSessionResponse) => byText(a.date, b.date) || byText(a.id, b.id);

export const compareEscalations = (a: StlEscalationResponse, b: StlEscalationResponse) =>
  byText(a.raisedAt, b.raisedAt) || byText(a.id, b.id);

export const isOpenEscalation = (escalation: { readonly status: string }) => escalation.status !== 'resuelta';

// Whole views ──────────────────────────────────────────────────────────────────────────────────────────────────────

export function stlDetail(
  summary: StlSummary,
  parts: {
    readonly extraNonWorkingDays: readonly LocalDate[];
    readonly members: readonly StlMemberResponse[];
    readonly sessions: readonly StlSessionResponse[];
    readonly escalations: readonly StlEscalationResponse[];
  },
): StlDetailResponse {
  return {
    entidad: summary.entidad,
    nombre: entidadName(summary.entidad),
    workflowId: stlWorkflowId(summary.entidad),
    summary,
    extraNonWorkingDays: [...parts.extraNonWorkingDays],
    members: [...parts.members].sort(compareMembers),
    sessions: [...parts.sessions].sort(compareSessions),
    escalations: parts.escalations.filter(isOpenEscalation).sort(compareEscalations),
    // Rows projected before mechanisms have none until their STL changes again.
    governance: (summary as Partial<Pick<StlSummary, 'governance'>>).governance ?? null,
  };
}

/** The detail from the read model's rows. */
export function stlDetailFromRows(
  row: StlView,
  rows: {
    readonly extraNonWorkingDays: readonly LocalDate[];
    readonly members: readonly StlMemberView[];
    readonly sessions: readonly StlSessionView[];
    readonly escalations: readonly EscalationView[];
  },
): StlDetailResponse {
  return stlDetail(row.summary, {
    extraNonWorkingDays: rows.extraNonWorkingDays,
    members: rows.members.map(memberFromRow),
    sessions: rows.sessions.map(sessionFromRow),
    escalations: rows.escalations.map(escalationFromRow),
  });
}
