import { type Entidad, isEntidad } from '@app/domain';
import { type UserRole } from '@app/persistence';

/** What the policy needs to know about an account: its role and the states it works in. */
export interface EntidadScope {
  readonly role: UserRole;
  readonly entidades: readonly string[];
}

export type EntidadAccessKind = 'read' | 'command';

/** Every state, for the coordinación. */
export const ALL_ENTIDADES = 'all';

/**
 * The states an account reaches. A garante, facilitador or integrante works in exactly one state: an account of
 * those roles with any other number of states reaches none (fail closed, whatever the row says).
 */
export function readableEntidades(user: EntidadScope): typeof ALL_ENTIDADES | readonly Entidad[] {
  switch (user.role) {
    case 'coordinador':
      return ALL_ENTIDADES;
    case 'enlace':
      return user.entidades.filter(isEntidad);
    case 'garante':
    case 'facilitador':
    case 'integrante':
      return user.entidades.length === 1 ? user.entidades.filter(isEntidad) : [];
    default:
      return unknownRole(user.role);
  }
}

/** Exhaustive over the roles at compile time; a role this code does not know reaches nothing at run time. */
function unknownRole(_role: never): readonly Entidad[] {
  return [];
}

/** The states where an account may give commands (an integrante only reads). */
export function commandableEntidades(user: EntidadScope): typeof ALL_ENTIDADES | readonly Entidad[] {
  return user.role === 'integrante' ? [] : readableEntidades(user);
}

function reaches(entidades: typeof ALL_ENTIDADES | readonly Entidad[], entidad: string): boolean {
  return entidades === ALL_ENTIDADES ? isEntidad(entidad) : entidades.some((own) => own === entidad);
}

export function canRead(user: EntidadScope, entidad: string): boolean {
  return reaches(readableEntidades(user), entidad);
}

export function canCommand(user: EntidadScope, entidad: string): boolean {
  return reaches(commandableEntidades(user), entidad);
}

export function canAccess(user: EntidadScope, entidad: string, kind: EntidadAccessKind): boolean {
  return kind === 'read' ? canRead(user, entidad) : canCommand(user, entidad);
}

/**
 * Escalations are raised to the INAI (DOMAIN.md, "Escalation"): the coordinación acknowledges and resolves them in
 * every state, an enlace in its assigned states; the state's own accounts see them but do not close them.
 */
export function canHandleEscalations(user: EntidadScope, entidad: string): boolean {
  return (user.role === 'coordinador' || user.role === 'enlace') && canCommand(user, entidad);
}
