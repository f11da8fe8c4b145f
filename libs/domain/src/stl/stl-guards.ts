import { type DomainError } from '../shared/domain-error';
import { isLocalDate, type LocalDate } from '../shared/local-date';
import { stlErrors } from './stl-errors';
import { type AttendanceRecord, type RegisteredStl, type Session, type StlInstalado, type StlState } from './stl-state';

import { type DecisionContext } from '../shared/decider';

export { type DecisionContext };

export type Check = DomainError | undefined;

/** The first failing check, in the order given (each check is a cheap pure expression). */
export function firstError(...checks: readonly Check[]): Check {
  return checks.find((check) => check !== undefined);
}

export function requireRegistered(state: StlState): DomainError | RegisteredStl {
  return state.status === 'unregistered' ? stlErrors.STL_NOT_REGISTERED() : state;
}

export function requireInstalled(state: RegisteredStl): DomainError | StlInstalado {
  return state.status === 'instalado'
    ? state
    : stlErrors.STL_NOT_INSTALLED();
}

export function checkDate(field: string, value: unknown): Check {
  return isLocalDate(value) ? undefined : stlErrors.INVALID_DATE(field);
}

/** Dates people report (joined, installed, convoked…) happened already: never after today in Mexico City. */
export function checkPastDate(field: string, value: unknown, context: DecisionContext): Check {
  const invalid = checkDate(field, value);
  if (invalid !== undefined) return invalid;
  const date = value as LocalDate;
  return date > context.today ? stlErrors.DATE_IN_FUTURE(field, date, context.today) : undefined;
}

export function checkText(field: string, value: unknown): Check {
  return typeof value === 'string' && value.trim() !== '' ? undefined : stlErrors.FIELD_REQUIRED(field);
}

export function findSession(state: RegisteredStl, sessionId: string): DomainError | Session {
  return (
    state.sessions[sessionId] ??
    stlErrors.SESSION_NOT_FOUND(sessionId)
  );
}

/** Decisions (and removals) are taken in a session held with quorum (mecanismo-gobernanza-edomex.md, cap. VI, 2). */
export function attendanceWithQuorum(session: Session): DomainError | AttendanceRecord {
  const attendance = session.attendance;
  if (attendance === undefined) return stlErrors.ATTENDANCE_NOT_RECORDED(session.sessionId, 'decision');
  return attendance.quorum
    ? attendance
    : stlErrors.NO_QUORUM(session.sessionId);
}

export function unknownMembers(state: RegisteredStl, memberIds: readonly string[]): Check {
  const unknown = memberIds.filter((memberId) => state.members[memberId] === undefined);
  return unknown.length === 0 ? undefined : stlErrors.UNKNOWN_MEMBER(unknown);
}
