import { type Decision } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { type LocalDate } from '../shared/local-date';
import { type DecideRemoval, type ProposeRemoval, type ResignMember } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type RemovalProposed, type StlEvent } from './stl-events';
import {
  attendanceWithQuorum,
  checkPastDate,
  type DecisionContext,
  findSession,
  firstError,
  unknownMembers,
} from './stl-guards';
import { type Member, type RegisteredStl, type Session } from './stl-state';
import { isPublicSector, type RemovalCause } from './stl-terms';

/** "cuando se ausenten de las sesiones … en tres ocasiones seguidas" (mecanismo-gobernanza-edomex.md, cap. III, 5 b). */
export const INACTIVITY_ABSENCES = 3;

const PROPOSABLE_CAUSES: readonly RemovalCause[] = ['probidad', 'incumplimiento_normas', 'afectacion_pal'];

/**
 * Absence is counted per seat: a seat whose titular sends the suplente or enlace is not absent (the suplentes are
 * those "en los cuales delegan sus responsabilidades durante su ausencia", cap. I). Every session whose attendance
 * is taken counts, with or without quorum. The third absence in a row proposes removing the seat's titular, once.
 */
export function inactivityProposals(
  state: RegisteredStl,
  session: Session,
  absentSeatIds: readonly string[],
): RemovalProposed[] {
  return absentSeatIds.flatMap((seatId): RemovalProposed[] => {
    const seat = state.seats[seatId];
    const absences = [...seat.consecutiveAbsences, session.sessionId];
    // Absent seats are active seats (quorum.ts): they have a titular.
    const titularId = seat.titularId as string;
    if (absences.length < INACTIVITY_ABSENCES || state.removalProposals[titularId] !== undefined) return [];
    const data = {
      memberId: titularId,
      cause: 'inactividad' as const,
      proposedOn: session.date,
      sessionId: session.sessionId,
      absentSessionIds: absences.slice(-INACTIVITY_ABSENCES),
    };
    return [{ type: 'RemovalProposed', data }];
  });
}

/** Any member may propose a removal for the other causes of cap. III, 5; the member is notified to answer. */
export function decideProposeRemoval(
  command: ProposeRemoval,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { memberId, cause, proposedBy } = command.data;
  const error = firstError(
    PROPOSABLE_CAUSES.includes(cause) ? undefined : stlErrors.INVALID_REMOVAL_CAUSE(),
    unknownMembers(state, [memberId, proposedBy]),
    state.removalProposals[memberId] === undefined ? undefined : stlErrors.REMOVAL_ALREADY_PROPOSED(memberId),
  );
  if (error) return error;
  return [{ type: 'RemovalProposed', data: { memberId, cause, proposedOn: context.today, proposedBy } }];
}

/** "… con la finalidad de que sea considerado en la próxima sesión": decided in a later session with quorum. */
export function decideDecideRemoval(command: DecideRemoval, state: RegisteredStl): Decision<StlEvent> {
  const { memberId, approved, sessionId } = command.data;
  const proposal = state.removalProposals[memberId];
  if (proposal === undefined) return stlErrors.REMOVAL_NOT_PROPOSED(memberId);
  const session = findSession(state, sessionId);
  if (isDomainError(session)) return session;
  const attendance = attendanceWithQuorum(session);
  if (isDomainError(attendance)) return attendance;
  if (session.date <= proposal.proposedOn) {
    return stlErrors.REMOVAL_NOT_AT_LATER_SESSION(proposal.proposedOn, session.date);
  }
  const decided: StlEvent = {
    type: 'RemovalDecided',
    data: { memberId, approved, sessionId, decidedOn: session.date },
  };
  if (!approved) return [decided];
  const member = state.members[memberId];
  return [
    decided,
    { type: 'MemberRemoved', data: { memberId, on: session.date, cause: proposal.cause } },
    ...succession(state, member, session.date),
  ];
}

export function decideResignMember(
  command: ResignMember,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { memberId, on } = command.data;
  const error = firstError(unknownMembers(state, [memberId]), checkPastDate('on', on, context));
  if (error) return error;
  return [{ type: 'MemberResigned', data: { memberId, on } }, ...succession(state, state.members[memberId], on)];
}

/**
 * mecanismo-gobernanza-edomex.md, cap. III, 4: a titular who leaves is replaced by the suplente, whose place
 * opens (public institution: the titular designates; civil society: the STL calls); a seat left without titular
 * and suplente opens for a call (civil society) or for the members to propose what to do (public institution).
 * Two resignations at once are the same two steps in a row and end the same way.
 */
export function succession(state: RegisteredStl, member: Member, on: LocalDate): StlEvent[] {
  if (member.seatId === undefined) return [];
  const seat = state.seats[member.seatId];
  const publicSeat = isPublicSector(seat.sector);
  const vacancy = (role: 'titular' | 'suplente'): StlEvent => ({
    type: 'VacancyOpened',
    data: {
      seatId: seat.seatId,
      sector: seat.sector,
      role,
      how: !publicSeat ? 'convocatoria' : role === 'suplente' ? 'designacion' : 'propuesta_del_stl',
      on,
    },
  });
  if (member.role === 'suplente') return [vacancy('suplente')];
  if (member.role !== 'titular') return [];
  if (seat.suplenteId === null) return [vacancy('titular')];
  return [
    {
      type: 'SuplentePromoted',
      data: { seatId: seat.seatId, memberId: seat.suplenteId, formerTitularId: member.memberId, on },
    },
    vacancy('suplente'),
  ];
}
