import { type StoredEventData } from '@app/contracts';
import { type DecisionRecorded, type RecordedDecision, type RemovalProposed } from '@app/domain';
import { canonicalJson, type StlSessionView } from '@app/persistence';
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

/** The decision the command recorded, numbered by its place among the session's decisions in the row. */
export function presentDecision(row: StlSessionView, stored: readonly StoredEventData[]): DecisionOutcomeResponse {
  const [recorded] = eventsOf<DecisionRecorded>(stored, 'DecisionRecorded');
  // The Update that just succeeded recorded this decision: its absence is a programming error, not a client's.
  if (recorded === undefined) throw new Error(`No decision stored for session ${row.sessionId} of stl/${row.entidad}`);
  const { sessionId, ...decision } = recorded;
  const same = canonicalJson(decision);
  const number = (row.decisions as readonly RecordedDecision[]).findIndex((candidate) => canonicalJson(candidate) === same) + 1;
  return { sessionId, number, decisionId: String(number), ...decision };
}
