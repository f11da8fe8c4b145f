import { noticeDeadline, type RecordedDecision, type RegisteredStl, type Session, stlCalendar, type StlSummary, stlSummary } from '@app/domain';
import { type AttendanceResponse, sessionFromState, type StlDetailResponse, stlDetailFromState, type StlSessionResponse } from './stl-views';

/** What a session command answers, taken from the folded state the Update returned. */

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

/** The STL as a whole: summary, members, sessions and open escalations. */
export function presentStl(state: RegisteredStl): StlDetailResponse {
  return stlDetailFromState(state, stlSummary(state) as StlSummary);
}

function sessionIn(state: RegisteredStl, sessionId: string): Session {
  const session = state.sessions[sessionId];
  // The Update that just succeeded named this session: its absence is a programming error, not a client's.
  if (session === undefined) throw new Error(`Session ${sessionId} missing from the state of stl/${state.entidad}`);
  return session;
}

export function presentSession(state: RegisteredStl, sessionId: string): StlSessionResponse {
  const session = sessionIn(state, sessionId);
  return sessionFromState(session, noticeDeadline(session.date, stlCalendar(state)));
}

export function presentAttendance(state: RegisteredStl, sessionId: string): AttendanceOutcome {
  const session = sessionIn(state, sessionId);
  const view = sessionFromState(session, noticeDeadline(session.date, stlCalendar(state)));
  if (view.attendance === null) throw new Error(`Session ${sessionId} of stl/${state.entidad} has no attendance`);
  const removalsProposed = Object.values(state.removalProposals)
    .filter((proposal) => proposal.cause === 'inactividad' && proposal.sessionId === sessionId)
    .map((proposal) => proposal.memberId)
    .sort();
  return { sessionId, sessionStatus: session.status, ...view.attendance, removalsProposed };
}

export function presentLatestDecision(state: RegisteredStl, sessionId: string): DecisionOutcomeResponse {
  const decisions = sessionIn(state, sessionId).decisions;
  const latest = decisions[decisions.length - 1];
  if (latest === undefined) throw new Error(`Session ${sessionId} of stl/${state.entidad} has no decision`);
  return { sessionId, number: decisions.length, ...latest };
}
