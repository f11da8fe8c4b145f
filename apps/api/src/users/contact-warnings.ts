import { type Entidad } from '@app/domain';
import { type UserRole } from '@app/persistence';

/** The roles whose mail the reminders and escalations of a state depend on, and what happens without them. */
const MAIL_ROLES: readonly { readonly role: UserRole; readonly warning: string }[] = [
  { role: 'garante', warning: 'Sin garante con correo: los recordatorios no llegarán.' },
  { role: 'enlace', warning: 'Sin enlace con correo: los escalamientos de esta entidad llegan solo a la coordinación.' },
];

export interface Contact {
  readonly role: UserRole;
  readonly entidades: readonly string[];
  readonly email: string | null;
  readonly active: boolean;
}

export interface ContactWarning {
  readonly entidad: Entidad;
  readonly warnings: readonly string[];
}

/** Per state (those with an STL), the roles that must receive mail and have no active account with an address. */
export function contactWarnings(entidades: readonly Entidad[], accounts: readonly Contact[]): ContactWarning[] {
  const reachable = (role: UserRole, entidad: Entidad) =>
    accounts.some((account) => account.active && account.role === role && !!account.email?.trim() && account.entidades.includes(entidad));
  return entidades
    .map((entidad) => ({ entidad, warnings: MAIL_ROLES.filter(({ role }) => !reachable(role, entidad)).map(({ warning }) => warning) }))
    .filter(({ warnings }) => warnings.length > 0);
}
