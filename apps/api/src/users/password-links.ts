import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager } from 'typeorm';

export type PasswordLinkPurpose = 'invitation' | 'reset';

/** An invitation's or a reset's link works for 72 hours, once. */
export const PASSWORD_LINK_TTL_HOURS = 72;

/** Where the link leads: the board's password page, which posts the token to POST /api/auth/password. */
export function passwordLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/tablero/contrasena?token=${token}`;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** 256 random bits; only their SHA-256 is stored, so a copy of the database opens no account. */
export async function createPasswordLink(manager: EntityManager, userId: string, purpose: PasswordLinkPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await manager.query(
    `INSERT INTO password_links (token_hash, user_id, purpose, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [digest(token), userId, purpose, PASSWORD_LINK_TTL_HOURS],
  );
  return token;
}

/**
 * Marks the link used and answers its account, or undefined when it is unknown, used or expired. Every other
 * pending link of the account stops working too: the newest password wins.
 */
export async function consumePasswordLink(manager: EntityManager, token: string): Promise<string | undefined> {
  const rows: [{ user_id: string }[], number] = await manager.query(
    `UPDATE password_links SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`,
    [digest(token)],
  );
  const userId = rows[0][0]?.user_id;
  if (userId) await manager.query('UPDATE password_links SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  return userId;
}
