import { entidadName, type Entidad, STL_2017 } from '@app/domain';
import { type UserRole } from '@app/persistence';

export interface DemoUser {
  readonly username: string;
  readonly role: UserRole;
  readonly entidades: readonly Entidad[];
  readonly nombre: string;
  readonly email: string;
}

/** The states the demo enlace follows: Jalisco, Oaxaca, Sonora and Tlaxcala. */
export const DEMO_ENLACE_ENTIDADES: readonly Entidad[] = ['14', '20', '26', '29'];

function enlaceNombre(entidades: readonly Entidad[]): string {
  const names = entidades.map(entidadName);
  return `Enlace del INAI (${names.slice(0, -1).join(', ')} y ${names[names.length - 1]})`;
}

/**
 * Accounts to try the system with (outside production only): the coordinación, one enlace, and a garante, a
 * facilitador and an integrante for each of the 16 states with an STL in 2017. Addresses are examples
 * (ejemplo.org.mx), so reminders and escalations have somewhere to go.
 */
export function demoUsers(): DemoUser[] {
  const account = (username: string, role: UserRole, entidades: readonly Entidad[], nombre: string): DemoUser => ({
    username,
    role,
    entidades,
    nombre,
    email: `${username}@ejemplo.org.mx`,
  });
  const perState = STL_2017.flatMap(({ entidad, nombre }) => [
    account(`garante-${entidad}`, 'garante', [entidad], `Organismo garante de ${nombre}`),
    account(`facilitador-${entidad}`, 'facilitador', [entidad], `Facilitación del STL de ${nombre}`),
    account(`integrante-${entidad}`, 'integrante', [entidad], `Integrante del STL de ${nombre}`),
  ]);
  return [
    account('coordinador', 'coordinador', [], 'Coordinación de Gobierno Abierto del INAI'),
    account('enlace', 'enlace', DEMO_ENLACE_ENTIDADES, enlaceNombre(DEMO_ENLACE_ENTIDADES)),
    ...perState,
  ];
}
