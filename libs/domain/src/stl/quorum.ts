import { type AttendanceRecord, type Seat } from './stl-state';

export type SeatHolders = Pick<Seat, 'seatId' | 'sector' | 'titularId' | 'suplenteId' | 'enlaceId'>;

export interface QuorumAssessment extends Omit<AttendanceRecord, 'present'> {
  readonly code?: 'NO_QUORUM' | 'NO_CIVIL_SOCIETY_PRESENT';
}

/**
 * mecanismo-gobernanza-edomex.md, cap. VI, 2: "la presencia de la mayoría de los integrantes del STL que se
 * encuentren activos, o de sus suplentes o enlaces … Siempre deberá estar presente un representante de sociedad
 * civil." Each seat counts once, whoever of it attends; a seat without titular is vacant and not active. The
 * civil-society condition is the mechanism's (`civilSocietyRequired`): the guide's minimum has none.
 */
export function assessQuorum(
  seats: readonly SeatHolders[],
  present: readonly string[],
  civilSocietyRequired: boolean,
): QuorumAssessment {
  const attending = new Set(present);
  const active = seats.filter((seat) => seat.titularId !== null);
  const represented = active.filter((seat) => holdersOf(seat).some((holder) => attending.has(holder)));
  const absent = active.filter((seat) => !represented.includes(seat));
  const civilSocietyPresent = represented.some((seat) => seat.sector === 'sociedad_civil');
  const majority = represented.length * 2 > active.length;
  const code = !majority
    ? 'NO_QUORUM'
    : civilSocietyRequired && !civilSocietyPresent
      ? 'NO_CIVIL_SOCIETY_PRESENT'
      : undefined;
  return {
    representedSeatIds: represented.map((seat) => seat.seatId),
    absentSeatIds: absent.map((seat) => seat.seatId),
    seatsPresent: represented.length,
    seatsActive: active.length,
    civilSocietyPresent,
    quorum: code === undefined,
    ...(code === undefined ? {} : { code }),
  };
}

export function holdersOf(seat: SeatHolders): string[] {
  return [seat.titularId, seat.suplenteId, seat.enlaceId].filter((id): id is string => id !== null);
}
