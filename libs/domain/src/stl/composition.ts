import { type Decision } from '../shared/decider';
import { domainError, type DomainError, isDomainError } from '../shared/domain-error';
import { type AddMember } from './stl-commands';
import { authorize } from './reserved-acts';
import { type StlEvent } from './stl-events';
import { checkPastDate, checkText, type DecisionContext, firstError } from './stl-guards';
import { type Member, type RegisteredStl } from './stl-state';
import { isMemberRole, isSector, sectorLabel } from './stl-terms';

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
    isSector(data.sector)
      ? undefined
      : domainError('invalid', 'UNKNOWN_SECTOR', `«${String(data.sector)}» no es un sector del STL.`),
    isMemberRole(data.role)
      ? undefined
      : domainError('invalid', 'UNKNOWN_ROLE', `«${String(data.role)}» no es un papel de integrante.`),
    checkText('nombre', data.nombre),
    checkText('organizacion', data.organizacion),
    checkPastDate('joinedOn', data.joinedOn, context),
    data.sector === 'adicional' && state.extraSectorName === null
      ? domainError('conflict', 'SECTOR_NOT_DECLARED', 'Este STL no declaró un sector adicional al registrarse.')
      : undefined,
    checkUniqueId(state, data.memberId),
    data.hasVote === false && data.role !== 'enlace'
      ? domainError('invalid', 'INVALID_VOTE_CAPACITY', 'Solo un enlace puede nombrarse con voz y sin voto.')
      : undefined,
  );
  if (error) return error;
  const seatId = seatFor(data, state);
  if (isDomainError(seatId)) return seatId;
  const authorized = incorporationAuthority(data, state, context);
  if (isDomainError(authorized)) return authorized;
  const member = memberFrom(data, seatId);
  return [{ type: 'MemberAdded', data: authorized === undefined ? member : { ...member, authorizedBy: authorized.basis } }];
}

/**
 * A new seat once the STL is installed is the STL's decision ("los integrantes podrán aprobar mediante sesión, la
 * incorporación del solicitante", mecanismo-gobernanza-edomex.md, cap. IV, VIII). Filling a vacant seat follows
 * the succession rules (designation, call) and needs none.
 */
function incorporationAuthority(data: AddMemberData, state: RegisteredStl, context: DecisionContext) {
  if (state.status !== 'instalado' || context.legacyGovernance === true) return undefined;
  if (data.role !== 'titular' || data.seatId !== undefined) return undefined;
  return authorize(state, { kind: 'add_titular', memberId: data.memberId }, data);
}

/** Member ids are unique among current and former members and the facilitador. */
export function checkUniqueId(state: RegisteredStl, memberId: string): DomainError | undefined {
  const taken =
    state.members[memberId] !== undefined ||
    state.formerMemberIds.includes(memberId) ||
    state.facilitador?.facilitadorId === memberId;
  return taken
    ? domainError('conflict', 'DUPLICATE_MEMBER', `Ya existe un integrante con el identificador «${memberId}».`, {
        memberId,
      })
    : undefined;
}

function seatFor(data: AddMemberData, state: RegisteredStl): DomainError | string | undefined {
  if (data.role === 'titular') {
    return data.titularId === undefined ? titularSeat(data, state) : misplacedReference('titularId', data.role);
  }
  if (data.role === 'suplente' || data.role === 'enlace') {
    return data.seatId === undefined ? substituteSeat(data, state) : misplacedReference('seatId', data.role);
  }
  // Invitados have voice only, for the span of their project (cap. X): no seat.
  if (data.titularId !== undefined) return misplacedReference('titularId', data.role);
  return data.seatId === undefined ? undefined : misplacedReference('seatId', data.role);
}

function titularSeat(data: AddMemberData, state: RegisteredStl): DomainError | string {
  if (data.seatId === undefined) return data.memberId;
  const seat = state.seats[data.seatId];
  if (seat === undefined) {
    return domainError('conflict', 'SEAT_NOT_FOUND', `No existe la representación «${data.seatId}».`, {
      seatId: data.seatId,
    });
  }
  if (seat.titularId !== null) {
    return domainError('conflict', 'SEAT_OCCUPIED', `La representación «${seat.seatId}» ya tiene titular.`, {
      seatId: seat.seatId,
      titularId: seat.titularId,
    });
  }
  return seat.sector === data.sector ? seat.seatId : sectorMismatch(data, seat.sector, state);
}

function substituteSeat(data: AddMemberData, state: RegisteredStl): DomainError | string {
  if (data.titularId === undefined) {
    return domainError('invalid', 'TITULAR_REQUIRED', `Indique el titular al que corresponde el ${data.role}.`);
  }
  const titular = state.members[data.titularId];
  if (titular?.role !== 'titular' || titular.seatId === undefined) {
    return domainError('conflict', 'TITULAR_NOT_FOUND', `«${data.titularId}» no es titular del STL.`, {
      titularId: data.titularId,
    });
  }
  if (titular.sector !== data.sector) return sectorMismatch(data, titular.sector, state);
  const seat = state.seats[titular.seatId];
  const taken = data.role === 'suplente' ? seat?.suplenteId : seat?.enlaceId;
  if (taken !== null && taken !== undefined) {
    return domainError(
      'conflict',
      data.role === 'suplente' ? 'SUPLENTE_ALREADY_ASSIGNED' : 'ENLACE_ALREADY_ASSIGNED',
      `El titular «${titular.memberId}» ya tiene ${data.role} («${taken}»).`,
      { titularId: titular.memberId, memberId: taken },
    );
  }
  return titular.seatId;
}

function sectorMismatch(data: AddMemberData, seatSector: Member['sector'], state: RegisteredStl): DomainError {
  return domainError(
    'invalid',
    'SECTOR_MISMATCH',
    `El ${data.role} debe pertenecer al mismo sector que su titular (${sectorLabel(seatSector, state.extraSectorName)}).`,
    { sector: data.sector, seatSector },
  );
}

function misplacedReference(field: 'titularId' | 'seatId', role: AddMemberData['role']): DomainError {
  return domainError('invalid', 'INVALID_SEAT_REFERENCE', `El campo «${field}» no corresponde a un ${role}.`, {
    field,
    role,
  });
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
