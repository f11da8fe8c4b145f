/** The embedded cluster listens on loopback only; these credentials never leave the machine. */
export const POSTGRES_USER = 'postgres';
export const POSTGRES_PASSWORD = 'postgres';
