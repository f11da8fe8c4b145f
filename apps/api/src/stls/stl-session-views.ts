import { type RecordedDecision, type RegisteredStl, type Session } from '@app/domain';
import { type StlSessionView } from '@app/persistence';
import { type AttendanceResponse, sessionFromRow } from './stl-views';

/** What a session command answers beyond the session's row. */

export interface AttendanceOutcome extends AttendanceResponse {
  readonly sessionId: string;
  /** `celebrada` with quorum, `sin_quorum` without. */
  readonly sessionStatus: string;
  /** Titulares whose seat has just reached three absences in a row: their removal is proposed (MG cap. III, 5 b). */
  readonly removalsProposed: readonly string[];
}

export interface DecisionOutcomeResponse extends RecordedDecision {
  readonly sessionId: string;
  /** 1 for the session's first decision, and so on. */
  readonly number: number;
}

function sessionIn(state: RegisteredStl, sessionId: string): Session {
  const session = state.sessions[sessionId];
  // The Update that just succeeded named this session: its absence is a programming error, not a client's.
  if (session === undefined) throw new Error(`Session ${sessionId} missing from the state of stl/${state.entidad}`);
  return session;
}

/** The attendance as the session's row holds it, with the removals the same command proposed. */
export function presentAttendance(row: StlSessionView, state: RegisteredStl): AttendanceOutcome {
  const view = sessionFromRow(row);
  if (view.attendance === null) throw new Error(`Session ${row.sessionId} of stl/${row.entidad} has no attendance`);
  const removalsProposed = Object.values(state.removalProposals)
    .filter((proposal) => proposal.cause === 'inactividad' && proposal.sessionId === row.sessionId)
    .map((proposal) => proposal.memberId)
    .sort();
  return { sessionId: row.sessionId, sessionStatus: row.status, ...view.attendance, removalsProposed };
}

export function presentLatestDecision(state: RegisteredStl, sessionId: string): DecisionOutcomeResponse {
  const decisions = sessionIn(state, sessionId).decisions;
  const latest = decisions[decisions.length - 1];
  if (latest === undefined) throw new Error(`Session ${sessionId} of stl/${state.entidad} has no decision`);
  return { sessionId, number: decisions.length, ...latest };
}
