import { type EntityManager } from 'typeorm';

/**
 * `<outbox row id>.<installation id>@<sender's domain>`: both ids are random UUIDs, so a Message-ID is unique across
 * installations and time, and says nothing of the event or the recipient. It is derived from the row, so the copy
 * sent again after a crash (the at-least-once window) carries the same one; delivery itself is idempotent by row.
 */
export function messageIdFor(notificationId: string, installationId: string, domain: string): string {
  return `<${notificationId}.${installationId}@${domain}>`;
}

/** The id of this installation (one row, created by the migrations with a random UUID). */
export async function installationId(manager: EntityManager): Promise<string> {
  const [row]: { id: string }[] = await manager.query('SELECT id FROM installation');
  if (row === undefined) throw new Error('La tabla installation está vacía: aplique las migraciones.');
  return row.id;
}

/** The domain of the sender's address (`"Nombre" <avisos@dominio.mx>` → `dominio.mx`). */
export function senderDomain(mailFrom: string): string {
  const match = /@([^\s>]+)\s*>?\s*$/.exec(mailFrom.trim());
  return match ? match[1] : 'cocreacion.local';
}
