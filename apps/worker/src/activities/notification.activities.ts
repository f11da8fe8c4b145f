import { type DeliverNotificationsInput, type NotificationActivities } from '@app/contracts';
import { NotificationDelivery, SmtpMailTransport } from '@app/notifications';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

/**
 * `deliverNotifications`: sends the outbox rows over SMTP. Rows already sent are skipped, so a retried attempt
 * never sends twice; rows that could not be sent keep their reason, and the attempt fails so Temporal retries it.
 */
@Injectable()
export class NotificationActivitiesService implements NotificationActivities, OnModuleDestroy {
  private readonly logger = new Logger('Notificaciones');

  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly transport: SmtpMailTransport,
  ) {}

  async deliverNotifications({ ids }: DeliverNotificationsInput): Promise<void> {
    const report = await this.delivery.deliver(ids);
    if (report.sent.length > 0) this.logger.log(`Correos enviados: ${report.sent.length}`);
    if (report.undeliverable.length > 0) {
      this.logger.warn(`Correos rechazados por el servidor (no se reintentan): ${report.undeliverable.join(', ')}`);
    }
    if (report.failed.length === 0) return;
    const reasons = [...new Set(report.failed.map((failure) => failure.reason))].join(' | ');
    throw ApplicationFailure.retryable(
      `${report.failed.length} de ${ids.length} correos siguen pendientes: ${reasons}`,
      'NotificationsPending',
    );
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
