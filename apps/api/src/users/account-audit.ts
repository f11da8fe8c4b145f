import { type EntityManager } from 'typeorm';

export type AccountAction =
  | 'created'
  | 'updated'
  | 'deactivated'
  | 'activated'
  | 'password-link-sent'
  | 'password-set'
  | 'password-changed'
  | 'logged-out';

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly username: string;
  readonly action: AccountAction;
  readonly details: Record<string, unknown>;
}

/** Who did what to which account, and when: written in the same transaction as the change itself. */
export async function audit(
  manager: EntityManager,
  entry: { actor: string; username: string; action: AccountAction; details?: Record<string, unknown> },
): Promise<void> {
  await manager.query('INSERT INTO account_audit (actor, username, action, details) VALUES ($1, $2, $3, $4)', [
    entry.actor,
    entry.username,
    entry.action,
    JSON.stringify(entry.details ?? {}),
  ]);
}

/** The latest entries, newest first; `usernames` narrows them to the accounts a reader manages. */
export async function auditTrail(manager: EntityManager, usernames: readonly string[] | 'all', limit = 100): Promise<AuditEntry[]> {
  const rows: AuditEntry[] = await manager.query(
    `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, actor, username, action, details
       FROM account_audit
      WHERE $1::text[] IS NULL OR username = ANY($1::text[])
      ORDER BY at DESC, id DESC LIMIT $2`,
    [usernames === 'all' ? null : usernames, limit],
  );
  return rows;
}
