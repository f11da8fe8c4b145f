import { type StoredEventData } from '@app/contracts';
import { type DecisionRecorded, type RecordedDecision, type RemovalProposed } from '@app/domain';
import { type StlSessionView } from '@app/persistence';
import { type AttendanceResponse, sessionFromRow } from './stl-views';

/** What a session command answers beyond the session's row: what the command itself stored. */

export interface AttendanceOutcome extends AttendanceResponse {
  readonly sessionId: string;
  /** `celebrada` with quorum, `sin_quorum` without. */
  readonly sessionStatus: string;
  /** Runs begun before mechanisms: titulares whose seat just reached three absences in a row, proposed by the system. */
  readonly removalsProposed: readonly string[];
}

export interface DecisionOutcomeResponse extends RecordedDecision {
  readonly sessionId: string;
  /** 1 for the session's first decision, and so on. */
  readonly number: number;
  /** The same number as text: what an act reserved to the STL names with the session (`{ sessionId, decisionId }`). */
  readonly decisionId: string;
}

function eventsOf<E extends { readonly type: string; readonly data: unknown }>(events: readonly StoredEventData[], type: E['type']): E['data'][] {
  return events.filter((event) => event.type === type).map((event) => event.data as E['data']);
}

/** The attendance as the session's row holds it, with the removals the same command proposed. */
export function presentAttendance(row: StlSessionView, stored: readonly StoredEventData[]): AttendanceOutcome {
  const view = sessionFromRow(row);
  if (view.attendance === null) throw new Error(`Session ${row.sessionId} of stl/${row.entidad} has no attendance`);
  const removalsProposed = eventsOf<RemovalProposed>(stored, 'RemovalProposed')
    .filter((proposal) => proposal.cause === 'inactividad' && proposal.sessionId === row.sessionId)
    .map((proposal) => proposal.memberId)
    .sort();
  return { sessionId: row.sessionId, sessionStatus: row.status, ...view.attendance, removalsProposed };
}

/** Where the decision a command recorded was stored; its absence is a programming error, not a client's. */
export function storedDecisionSeq(sessionId: string, stored: readonly StoredEventData[]): number {
  const recorded = stored.find((event) => event.type === 'DecisionRecorded' && (event.data as DecisionRecorded['data']).sessionId === sessionId);
  if (recorded === undefined) throw new Error(`No decision stored for session ${sessionId}`);
  return recorded.seq;
}

/** The session's `number`-th decision (1 for the first), as its row holds it. */
export function presentDecision(row: StlSessionView, number: number): DecisionOutcomeResponse {
  const decision = (row.decisions as readonly RecordedDecision[])[number - 1];
  if (decision === undefined) throw new Error(`Session ${row.sessionId} of stl/${row.entidad} has no decision ${number}`);
  return { sessionId: row.sessionId, number, decisionId: String(number), ...decision };
}
