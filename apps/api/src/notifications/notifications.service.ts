import { requeueUndeliverable } from '@app/notifications';
import { NotificationRecord } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entidadWhere, type Readable, readScope } from '../auth/read-scope';
import { type ListNotificationsQuery, type NotificationDto, type RequeuedNotificationsDto } from './notifications.dto';

const DEFAULT_LIMIT = 100;

function present(row: NotificationRecord): NotificationDto {
  return {
    id: row.id,
    entidad: row.entidad,
    streamId: row.streamId,
    kind: row.kind,
    recipient: { nombre: row.recipientName, email: row.recipientEmail, audience: row.audience },
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The outbox, newest first, of the states the caller may read (a foreign `entidad` filter finds nothing). */
  async list(query: ListNotificationsQuery, readable: Readable): Promise<NotificationDto[]> {
    const scope = readScope(readable, query.entidad);
    if (!scope) return [];
    const rows = await this.dataSource.getRepository(NotificationRecord).find({
      where: { ...entidadWhere(scope), ...(query.status && { status: query.status }) },
      order: { createdAt: 'DESC', idempotencyKey: 'ASC' },
      take: query.limit ?? DEFAULT_LIMIT,
    });
    return rows.map(present);
  }

  /** The coordinación's button: the same use case as `npm run mail:requeue`, each row at most once. */
  async requeue(entidad: string | undefined, by: string): Promise<RequeuedNotificationsDto> {
    const rows = await requeueUndeliverable(this.dataSource.manager, { by, ...(entidad === undefined ? {} : { entidades: [entidad] }) });
    return { requeued: rows.length, ids: rows.map((row) => row.id) };
  }

  /** How many undeliverable rows with an address have not been queued again yet: what the button would send. */
  async requeueable(): Promise<number> {
    const [{ count }]: [{ count: number }] = await this.dataSource.query(
      "SELECT count(*)::int AS count FROM notifications WHERE status = 'undeliverable' AND requeued_at IS NULL AND recipient_email IS NOT NULL",
    );
    return count;
  }
}
