import { domainError, type DomainError } from '../shared/domain-error';
import { isLocalDate, type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { type AttendanceRecord, type RegisteredStl, type Session, type StlInstalado, type StlState } from './stl-state';

import { type DecisionContext } from '../shared/decider';

export { type DecisionContext };

export type Check = DomainError | undefined;

/** The first failing check, in the order given (each check is a cheap pure expression). */
export function firstError(...checks: readonly Check[]): Check {
  return checks.find((check) => check !== undefined);
}

export function requireRegistered(state: StlState): DomainError | RegisteredStl {
  return state.status === 'unregistered'
    ? domainError('conflict', 'STL_NOT_REGISTERED', 'El Secretariado Técnico Local no está registrado.')
    : state;
}

export function requireInstalled(state: RegisteredStl): DomainError | StlInstalado {
  return state.status === 'instalado'
    ? state
    : domainError('conflict', 'STL_NOT_INSTALLED', 'El Secretariado Técnico Local aún no está instalado.');
}

export function checkDate(field: string, value: unknown): Check {
  return isLocalDate(value)
    ? undefined
    : domainError('invalid', 'INVALID_DATE', `La fecha «${field}» no es válida (formato AAAA-MM-DD).`, { field });
}

/** Dates people report (joined, installed, convoked…) happened already: never after today in Mexico City. */
export function checkPastDate(field: string, value: unknown, context: DecisionContext): Check {
  const invalid = checkDate(field, value);
  if (invalid !== undefined) return invalid;
  const date = value as LocalDate;
  return date > context.today
    ? domainError(
        'invalid',
        'DATE_IN_FUTURE',
        `La fecha «${field}» (${spanishLongDate(date)}) no puede ser posterior a hoy (${spanishLongDate(context.today)}).`,
        { field, date, today: context.today },
      )
    : undefined;
}

export function checkText(field: string, value: unknown): Check {
  return typeof value === 'string' && value.trim() !== ''
    ? undefined
    : domainError('invalid', 'FIELD_REQUIRED', `El campo «${field}» es obligatorio.`, { field });
}

export function findSession(state: RegisteredStl, sessionId: string): DomainError | Session {
  return (
    state.sessions[sessionId] ??
    domainError('conflict', 'SESSION_NOT_FOUND', `No existe la sesión «${sessionId}».`, { sessionId })
  );
}

/** Decisions (and removals) are taken in a session held with quorum (mecanismo-gobernanza-edomex.md, cap. VI, 2). */
export function attendanceWithQuorum(session: Session): DomainError | AttendanceRecord {
  const attendance = session.attendance;
  if (attendance === undefined) {
    return domainError(
      'conflict',
      'ATTENDANCE_NOT_RECORDED',
      `Primero registre la asistencia de la sesión «${session.sessionId}».`,
      { sessionId: session.sessionId },
    );
  }
  return attendance.quorum
    ? attendance
    : domainError(
        'conflict',
        'NO_QUORUM',
        `La sesión «${session.sessionId}» no tuvo quórum: no puede tomar decisiones.`,
        {
          sessionId: session.sessionId,
        },
      );
}

export function unknownMembers(state: RegisteredStl, memberIds: readonly string[]): Check {
  const unknown = memberIds.filter((memberId) => state.members[memberId] === undefined);
  return unknown.length === 0
    ? undefined
    : domainError('conflict', 'UNKNOWN_MEMBER', `No son integrantes del STL: ${unknown.join(', ')}.`, {
        memberIds: unknown,
      });
}
