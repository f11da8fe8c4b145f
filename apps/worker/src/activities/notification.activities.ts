import { type DeliverNotificationsInput, type NotificationActivities } from '@app/contracts';
import { NotificationDelivery } from '@app/notifications';
import { Injectable, Logger } from '@nestjs/common';

/**
 * `deliverNotifications`, kept for workflow histories that still call it: one attempt at the rows that are due,
 * and it never fails, so no workflow ever waits for a mail server. Whatever it leaves pending is the outbox
 * dispatcher's (`NotificationDispatcherService`), which delivers every row on its own anyway.
 */
@Injectable()
export class NotificationActivitiesService implements NotificationActivities {
  private readonly logger = new Logger('Notificaciones');

  constructor(private readonly delivery: NotificationDelivery) {}

  async deliverNotifications({ ids }: DeliverNotificationsInput): Promise<void> {
    try {
      // Bounded by one temporary failure: the workflow's timeout must never be reached, or it would retry this.
      const report = await this.delivery.deliver(ids, { untilFailure: true });
      if (report.sent.length > 0) this.logger.log(`Correos enviados: ${report.sent.length}`);
      if (report.failed.length > 0) this.logger.warn(`Correos pendientes, los reintentará el despachador: ${report.failed.length}`);
    } catch (error) {
      this.logger.warn(`Entrega de correos aplazada al despachador: ${String(error)}`);
    }
  }
}
