import { type Audience, type Entidad, entidadName } from '@app/domain';
import { type Addressee } from '../plan/notification-kind';
import { type PlannedNotification } from '../plan/planned-notification';

export interface Person {
  readonly id: string;
  readonly nombre: string;
  readonly email: string | null;
}

/** A current member of the STL (titular, suplente, enlace or invitado). */
export interface StlMemberPerson extends Person {
  readonly sector: string;
  readonly role: string;
}

/** An account of the `users` table: INAI staff (enlace, coordinador) and the state's own people. */
export interface StaffPerson extends Person {
  readonly role: string;
  /** The states an enlace covers (the INAI assignment); the single state of a garante account. */
  readonly entidades: readonly string[];
}

/** Everyone who may receive an e-mail about one state. */
export interface Directory {
  readonly entidad: Entidad;
  readonly members: readonly StlMemberPerson[];
  readonly facilitador: Person | null;
  /** Active accounts only. */
  readonly staff: readonly StaffPerson[];
}

/** One person (or the absence of anyone) to whom one planned e-mail goes. */
export interface Recipient {
  readonly addressee: Addressee;
  /** The recipient part of the idempotency key: the address, or what stands for the missing one. */
  readonly key: string;
  readonly nombre: string;
  readonly email: string | null;
  /** Why it cannot be sent, when there is no usable address: the row is `undeliverable`, never skipped. */
  readonly problem: string | null;
  /** A suplente on the STL is told to stand in, not to warn a suplente of their own. */
  readonly suplente?: boolean;
  /** The member's (or facilitador's, or account's) id: whom a personal link in the e-mail speaks for. */
  readonly personId?: string;
}

export const NO_ADDRESS = 'sin dirección de correo';

const PLAUSIBLE_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * Who receives a planned e-mail. Garante: the titular(es) of the garante sector on the STL, or else the state's
 * garante accounts; facilitador: the STL's; integrantes: every current member; enlace: the INAI enlaces whose
 * accounts cover the state; coordinador: every coordinación account. One e-mail per address; a person without a
 * usable address, or a role with nobody in it, becomes an undeliverable recipient with the reason.
 */
export function recipientsFor(notification: PlannedNotification, directory: Directory): Recipient[] {
  const escalation = notification.content.kind === 'escalation_enlace';
  const candidates =
    notification.attendees === null
      ? notification.audience.flatMap((audience) => peopleFor(audience, directory, escalation))
      : attendeesOf(notification.attendees, directory);
  const people = notification.people;
  const chosen = people === undefined ? candidates : candidates.filter((candidate) => candidate.personId !== undefined && people.includes(candidate.personId));
  const byKey = new Map<string, Recipient>();
  for (const candidate of chosen) if (!byKey.has(candidate.key)) byKey.set(candidate.key, candidate);
  return [...byKey.values()];
}

/** Who answers an escalation when nobody at its level can receive it (issue 22, item 7). */
const NEXT_LEVEL: Partial<Record<Audience, Audience>> = { enlace: 'coordinador' };

/**
 * The people of a role. An escalation that reaches nobody at its level (no enlace assigned to the state, or none
 * with an address) also goes to the next level; the undeliverable row of the gap stays, so the board shows it.
 */
function peopleFor(audience: Audience, directory: Directory, escalation: boolean): Recipient[] {
  const people = audiencePeople(audience, directory);
  const recipients = people.length === 0 ? [nobody(audience, directory.entidad)] : people.map((person) => recipient(audience, person));
  const next = NEXT_LEVEL[audience];
  if (!escalation || next === undefined || recipients.some((candidate) => candidate.email !== null)) return recipients;
  return [...recipients, ...peopleFor(next, directory, escalation)];
}

function audiencePeople(audience: Audience, directory: Directory): readonly Person[] {
  const staffOf = (role: string, ownState: boolean) =>
    directory.staff.filter((person) => person.role === role && (!ownState || person.entidades.includes(directory.entidad)));
  switch (audience) {
    case 'garante': {
      const titulares = directory.members.filter((member) => member.sector === 'garante' && member.role === 'titular');
      return titulares.length > 0 ? titulares : staffOf('garante', true);
    }
    case 'facilitador':
      return directory.facilitador === null ? [] : [directory.facilitador];
    case 'integrantes':
      return directory.members;
    case 'enlace':
      return staffOf('enlace', true);
    case 'coordinador':
      return staffOf('coordinador', false);
    default: {
      const _exhaustive: never = audience;
      return _exhaustive;
    }
  }
}

function attendeesOf(present: readonly string[], directory: Directory): Recipient[] {
  const people: Person[] = [...directory.members, ...(directory.facilitador ? [directory.facilitador] : [])];
  const attendees = people.filter((person) => present.includes(person.id));
  if (attendees.length === 0) return [nobody('asistentes', directory.entidad)];
  return attendees.map((person) => recipient('asistentes', person));
}

function recipient(addressee: Addressee, person: Person): Recipient {
  const suplente = 'role' in person && person.role === 'suplente' && 'sector' in person ? { suplente: true } : {};
  return { ...addressed(addressee, person), ...suplente };
}

function addressed(addressee: Addressee, person: Person): Recipient {
  const email = person.email?.trim() ?? '';
  const who = { addressee, nombre: person.nombre, personId: person.id };
  if (email === '') return { ...who, key: `sin-correo:${person.id}`, email: null, problem: NO_ADDRESS };
  if (!PLAUSIBLE_ADDRESS.test(email)) {
    const problem = `dirección de correo no válida («${email}»)`;
    return { ...who, key: `sin-correo:${person.id}`, email: null, problem };
  }
  return { ...who, key: email.toLowerCase(), email, problem: null };
}

function nobody(addressee: Addressee, entidad: Entidad): Recipient {
  const estado = entidadName(entidad);
  const [nombre, why] = MISSING[addressee](estado);
  return { addressee, key: `sin-destinatario:${addressee}`, nombre, email: null, problem: `sin destinatario: ${why}` };
}

const MISSING: Record<Addressee, (estado: string) => readonly [string, string]> = {
  garante: (estado) => [
    `Organismo garante de ${estado}`,
    'el STL no tiene titular del organismo garante y no hay cuenta de garante para la entidad',
  ],
  facilitador: (estado) => [`Facilitador del STL de ${estado}`, 'el puesto de facilitador está vacante'],
  integrantes: (estado) => [`Integrantes del STL de ${estado}`, 'el STL no tiene integrantes registrados'],
  enlace: (estado) => [`Enlace del INAI para ${estado}`, `ningún enlace del INAI tiene asignada ${estado}`],
  coordinador: () => ['Coordinación de Gobierno Abierto del INAI', 'no hay cuentas de coordinación activas'],
  asistentes: (estado) => [`Asistentes a la sesión del STL de ${estado}`, 'la asistencia no nombra a nadie conocido'],
};

/** How the e-mail tells people why they receive it. */
export function addresseeLabel(addressee: Addressee, entidad: Entidad): string {
  const estado = entidadName(entidad);
  const labels: Record<Addressee, string> = {
    garante: `organismo garante en el STL de ${estado}`,
    facilitador: `facilitador del STL de ${estado}`,
    integrantes: `integrante del STL de ${estado}`,
    enlace: `enlace del INAI para ${estado}`,
    coordinador: 'coordinación de Gobierno Abierto del INAI',
    asistentes: `asistente a la sesión del STL de ${estado}`,
  };
  return labels[addressee];
}
