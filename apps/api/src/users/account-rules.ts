import { type Entidad, isEntidad } from '@app/domain';
import { USER_ROLES, type UserRole } from '@app/persistence';
import { type EntidadScope } from '../auth/entidad-access';
import { MAX_PASSWORD_BYTES } from '../auth/passwords';

/** What the rules need to know about an account someone wants to see or change. */
export interface ManagedAccount {
  readonly username: string;
  readonly role: UserRole;
  readonly entidades: readonly string[];
}

/** The roles an enlace may manage: the accounts of its states' own people, never another enlace or the coordinación. */
const STATE_ROLES: readonly UserRole[] = ['garante', 'facilitador', 'integrante'];

/** The coordinación manages every account; an enlace the garante, facilitador and integrante accounts of its states. */
export function canManage(actor: EntidadScope, account: Pick<ManagedAccount, 'role' | 'entidades'>): boolean {
  if (actor.role === 'coordinador') return true;
  if (actor.role !== 'enlace' || !STATE_ROLES.includes(account.role) || account.entidades.length === 0) return false;
  return account.entidades.every((entidad) => actor.entidades.includes(entidad));
}

export const MIN_PASSWORD_LENGTH = 12;

/** Why a new password is refused, in Spanish, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres.`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return `La contraseña admite como máximo ${MAX_PASSWORD_BYTES} bytes (unos ${MAX_PASSWORD_BYTES} caracteres sin acentos).`;
  }
  if (password.toLowerCase().includes(username.toLowerCase())) return 'La contraseña no puede contener el nombre de usuario.';
  return undefined;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The role's reach, as the users table's CHECK constraint holds it: Spanish problems by field, empty when valid. */
export function accountProblems(account: ManagedAccount): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const push = (field: string, message: string) => problems.push({ field, message });
  if (!USERNAME_PATTERN.test(account.username)) {
    push('username', 'El usuario debe tener de 2 a 64 caracteres: minúsculas, dígitos, punto, guion o guion bajo, y empezar con letra o dígito.');
  }
  if (!USER_ROLES.includes(account.role)) push('role', `El rol debe ser uno de: ${USER_ROLES.join(', ')}.`);
  if (!account.entidades.every(isEntidad)) push('entidades', 'Las entidades deben ser claves INEGI, de "01" a "32".');
  if (new Set(account.entidades).size !== account.entidades.length) push('entidades', 'Las entidades no deben repetirse.');
  if (account.role === 'coordinador' && account.entidades.length > 0) push('entidades', 'La coordinación no lleva entidades: las ve todas.');
  if (account.role === 'enlace' && account.entidades.length === 0) push('entidades', 'Un enlace necesita al menos una entidad.');
  if (STATE_ROLES.includes(account.role) && account.entidades.length !== 1) {
    push('entidades', `Una cuenta de ${account.role} pertenece a exactamente una entidad.`);
  }
  return problems;
}

export function entidadesOf(raw: readonly string[]): Entidad[] {
  return raw.filter(isEntidad);
}
