import { NotificationRecord } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entidadWhere, type Readable, readScope } from '../auth/read-scope';
import { type ListNotificationsQuery, type NotificationDto } from './notifications.dto';

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
}
