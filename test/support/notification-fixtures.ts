import { User, type UserRole } from '@app/persistence';
import { type DataSource } from 'typeorm';

export interface StaffAccount {
  readonly username: string;
  readonly role: UserRole;
  readonly entidades: readonly string[];
  readonly nombre: string;
  readonly email: string | null;
}

/** The INAI assignment of the tests: one enlace for Jalisco and Oaxaca, another for Sonora, one coordinadora. */
export const INAI_STAFF: readonly StaffAccount[] = [
  { username: 'enlace-occidente', role: 'enlace', entidades: ['14', '20'], nombre: 'Laura Méndez (enlace INAI)', email: 'laura.mendez@inai.ejemplo.mx' },
  { username: 'enlace-noroeste', role: 'enlace', entidades: ['26'], nombre: 'Pedro Ochoa (enlace INAI)', email: 'pedro.ochoa@inai.ejemplo.mx' },
  { username: 'coordinadora', role: 'coordinador', entidades: [], nombre: 'Coordinación de Gobierno Abierto', email: 'coordinacion@inai.ejemplo.mx' },
];

/** Accounts as the auth module stores them (the password is irrelevant to notifications). */
export async function insertStaff(dataSource: DataSource, accounts: readonly StaffAccount[] = INAI_STAFF): Promise<void> {
  await dataSource.getRepository(User).insert(
    accounts.map((account) => ({ ...account, entidades: [...account.entidades], passwordHash: '$2b$10$sinusoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' })),
  );
}
