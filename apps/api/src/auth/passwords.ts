import { compare, hash } from 'bcryptjs';

/**
 * bcrypt (pure JavaScript `bcryptjs`, no native build) at cost 12: about a third of a second per hash on a
 * small server, which is what makes guessing slow; the login route's rate limit keeps it from being a CPU lever.
 */
export const BCRYPT_COST = 12;

/** bcrypt reads only the first 72 bytes of a password: anything longer should be refused where passwords are set. */
export const MAX_PASSWORD_BYTES = 72;

/**
 * The hash of a random string nobody knows, at the same cost: unknown usernames are compared against it, so they
 * take as long as a wrong password for a real account.
 */
const NO_ACCOUNT_HASH = '$2b$12$DGtaTncdX/FjQ2vJnMNOw.p4BRaQJHV61qhzo6IX7twyFQeWKDlJS';

export function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new RangeError(`A bcrypt password has at most ${MAX_PASSWORD_BYTES} bytes`);
  }
  return hash(password, BCRYPT_COST);
}

/** Always does the full bcrypt work, whether or not the account exists. */
export async function verifyPassword(password: string, passwordHash: string | undefined): Promise<boolean> {
  const matches = await compare(password, passwordHash ?? NO_ACCOUNT_HASH);
  return matches && passwordHash !== undefined;
}
