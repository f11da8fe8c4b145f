import { type Decision } from '../shared/decider';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { type AddMember } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { checkPastDate, checkText, type DecisionContext, firstError } from './stl-guards';
import { type Member, type RegisteredStl } from './stl-state';
import { isMemberRole, isSector } from './stl-terms';

type AddMemberData = AddMember['data'];

/**
 * Hard composition rules (DOMAIN.md, "Composition rules"): one seat per titular; suplente and enlace sit in the
 * seat of a titular of their own sector (mecanismo-gobernanza-edomex.md, cap. IV, IV: "Los suplentes deberán
 * pertenecer al mismo sector y ser invitados por el titular"); one suplente and one enlace per seat; ids unique
 * for ever. Everything softer is a warning (composition-warnings.ts).
 */
export function decideAddMember(
  command: AddMember,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const data = command.data;
  const error = firstError(
    checkText('memberId', data.memberId),
    isSector(data.sector) ? undefined : stlErrors.UNKNOWN_SECTOR(data.sector),
    isMemberRole(data.role) ? undefined : stlErrors.UNKNOWN_ROLE(data.role),
    checkText('nombre', data.nombre),
    checkText('organizacion', data.organizacion),
    checkPastDate('joinedOn', data.joinedOn, context),
    data.sector === 'adicional' && state.extraSectorName === null ? stlErrors.SECTOR_NOT_DECLARED() : undefined,
    checkUniqueId(state, data.memberId),
    data.hasVote === false && data.role !== 'enlace' ? stlErrors.INVALID_VOTE_CAPACITY() : undefined,
  );
  if (error) return error;
  const seatId = seatFor(data, state);
  if (isDomainError(seatId)) return seatId;
  return [{ type: 'MemberAdded', data: memberFrom(data, seatId) }];
}

/** Member ids are unique among current and former members and the facilitador. */
export function checkUniqueId(state: RegisteredStl, memberId: string): DomainError | undefined {
  const taken =
    state.members[memberId] !== undefined ||
    state.formerMemberIds.includes(memberId) ||
    state.facilitador?.facilitadorId === memberId;
  return taken ? stlErrors.DUPLICATE_MEMBER(memberId) : undefined;
}

function seatFor(data: AddMemberData, state: RegisteredStl): DomainError | string | undefined {
  if (data.role === 'titular') {
    return data.titularId === undefined
      ? titularSeat(data, state)
      : stlErrors.INVALID_SEAT_REFERENCE('titularId', data.role);
  }
  if (data.role === 'suplente' || data.role === 'enlace') {
    return data.seatId === undefined
      ? substituteSeat(data, state)
      : stlErrors.INVALID_SEAT_REFERENCE('seatId', data.role);
  }
  // Invitados have voice only, for the span of their project (cap. X): no seat.
  if (data.titularId !== undefined) return stlErrors.INVALID_SEAT_REFERENCE('titularId', data.role);
  return data.seatId === undefined ? undefined : stlErrors.INVALID_SEAT_REFERENCE('seatId', data.role);
}

function titularSeat(data: AddMemberData, state: RegisteredStl): DomainError | string {
  if (data.seatId === undefined) return data.memberId;
  const seat = state.seats[data.seatId];
  if (seat === undefined) return stlErrors.SEAT_NOT_FOUND(data.seatId);
  if (seat.titularId !== null) return stlErrors.SEAT_OCCUPIED(seat.seatId, seat.titularId);
  return seat.sector === data.sector
    ? seat.seatId
    : stlErrors.SECTOR_MISMATCH(data.role, data.sector, seat.sector, state.extraSectorName);
}

function substituteSeat(data: AddMemberData, state: RegisteredStl): DomainError | string {
  if (data.titularId === undefined) return stlErrors.TITULAR_REQUIRED(data.role);
  const titular = state.members[data.titularId];
  if (titular?.role !== 'titular' || titular.seatId === undefined) return stlErrors.TITULAR_NOT_FOUND(data.titularId);
  if (titular.sector !== data.sector) {
    return stlErrors.SECTOR_MISMATCH(data.role, data.sector, titular.sector, state.extraSectorName);
  }
  const seat = state.seats[titular.seatId];
  const taken = data.role === 'suplente' ? seat?.suplenteId : seat?.enlaceId;
  if (taken !== null && taken !== undefined) {
    return data.role === 'suplente'
      ? stlErrors.SUPLENTE_ALREADY_ASSIGNED(titular.memberId, taken)
      : stlErrors.ENLACE_ALREADY_ASSIGNED(titular.memberId, taken);
  }
  return titular.seatId;
}

function memberFrom(data: AddMemberData, seatId: string | undefined): Member {
  return {
    memberId: data.memberId,
    sector: data.sector,
    role: data.role,
    nombre: data.nombre.trim(),
    organizacion: data.organizacion.trim(),
    ...(data.cargo === undefined ? {} : { cargo: data.cargo }),
    ...(data.hasVote === false ? { hasVote: false as const } : {}),
    ...(data.email === undefined ? {} : { email: data.email }),
    ...(seatId === undefined ? {} : { seatId }),
    joinedOn: data.joinedOn,
  };
}
