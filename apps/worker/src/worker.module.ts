import { NotificationDelivery, NotificationOutbox, SmtpMailTransport } from '@app/notifications';
import { PersistenceModule, ProjectionWriter } from '@app/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStoreActivitiesService } from './activities/event-store.activities';
import { NotificationActivitiesService } from './activities/notification.activities';
import { NotificationDispatcherService } from './dispatcher/notification-dispatcher.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { type WorkerConfig } from './worker-config';
import { WORKER_CONFIG } from './worker.tokens';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot({ url: config.databaseUrl, migrate: config.migrate })],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        ProjectionWriter,
        EventStoreActivitiesService,
        { provide: NotificationOutbox, useValue: new NotificationOutbox(config.notifications) },
        { provide: SmtpMailTransport, useFactory: () => new SmtpMailTransport(config.notifications.smtpUrl) },
        {
          provide: NotificationDelivery,
          useFactory: (dataSource: DataSource, transport: SmtpMailTransport) =>
            new NotificationDelivery(dataSource, transport, {
              mailFrom: config.notifications.mailFrom,
              replyTo: config.notifications.replyTo,
            }),
          inject: [DataSource, SmtpMailTransport],
        },
        NotificationActivitiesService,
        NotificationDispatcherService,
        TemporalWorkerService,
      ],
    };
  }
}
