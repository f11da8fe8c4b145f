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

const email = (username: string) => `${username}@ejemplo.org.mx`;

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
  const perState = STL_2017.flatMap(({ entidad, nombre }): DemoUser[] => [
    { username: `garante-${entidad}`, role: 'garante', entidades: [entidad], nombre: `Organismo garante de ${nombre}`, email: email(`garante-${entidad}`) },
    { username: `facilitador-${entidad}`, role: 'facilitador', entidades: [entidad], nombre: `Facilitación del STL de ${nombre}`, email: email(`facilitador-${entidad}`) },
    { username: `integrante-${entidad}`, role: 'integrante', entidades: [entidad], nombre: `Integrante del STL de ${nombre}`, email: email(`integrante-${entidad}`) },
  ]);
  return [
    { username: 'coordinador', role: 'coordinador', entidades: [], nombre: 'Coordinación de Gobierno Abierto del INAI', email: email('coordinador') },
    { username: 'enlace', role: 'enlace', entidades: DEMO_ENLACE_ENTIDADES, nombre: enlaceNombre(DEMO_ENLACE_ENTIDADES), email: email('enlace') },
    ...perState,
  ];
}
