import { type EntityManager } from 'typeorm';

/** Which undeliverable rows to queue again: all of them, or those of some states, or some rows by id. */
export interface RequeueSelection {
  readonly entidades?: readonly string[];
  readonly ids?: readonly string[];
  /** Who asks (an account's username, or `cli:<user>`), kept on each row. */
  readonly by: string;
}

export interface RequeuedRow {
  readonly id: string;
  readonly entidad: string;
  readonly recipientEmail: string;
  readonly subject: string;
}

/**
 * After the operator fixed what made the SMTP server refuse mail for good (credentials, a sender it rejects), the
 * rows it refused go back to `pending` with a fresh backoff, and the dispatchers are woken at once. Each row at
 * most once (`requeued_at`): a second request finds nothing, and a row refused again stays refused, since the cause
 * is evidently not fixed. Rows without an address are left: there is nothing to send them to.
 */
export async function requeueUndeliverable(manager: EntityManager, selection: RequeueSelection): Promise<RequeuedRow[]> {
  const [rows]: [{ id: string; entidad: string; recipient_email: string; subject: string }[], number] = await manager.query(
    `UPDATE notifications
        SET status = 'pending', attempts = 0, next_attempt_at = now(), requeued_at = now(), requeued_by = $1
      WHERE status = 'undeliverable' AND requeued_at IS NULL AND recipient_email IS NOT NULL
        AND ($2::text[] IS NULL OR entidad = ANY($2::text[]))
        AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
      RETURNING id, entidad, recipient_email, subject`,
    [selection.by, selection.entidades ?? null, selection.ids ?? null],
  );
  if (rows.length > 0) await manager.query("SELECT pg_notify('notifications_outbox', '')");
  return rows.map((row) => ({ id: row.id, entidad: row.entidad, recipientEmail: row.recipient_email, subject: row.subject }));
}
