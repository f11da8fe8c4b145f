import { NotificationDelivery, SmtpMailTransport, UndeliverableReports } from '@app/notifications';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG } from '../worker.tokens';
import { type WorkerConfig } from '../worker-config';
import { OutboxDispatcher } from './outbox-dispatcher';
import { reportToStl } from './report-to-stl';

/** Runs the outbox dispatcher for the worker's whole life; mail never waits for a workflow, nor a workflow for mail. */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Correo');
  private connection?: Connection;
  private dispatcher?: OutboxDispatcher;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly delivery: NotificationDelivery,
    private readonly transport: SmtpMailTransport,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Lazy: mail goes out while Temporal is down; only the reports of undeliverable mail wait for it.
    this.connection = Connection.lazy({ address: this.config.temporalAddress });
    const client = new Client({ connection: this.connection, namespace: this.config.temporalNamespace });
    this.dispatcher = new OutboxDispatcher(
      this.delivery,
      new UndeliverableReports(this.dataSource),
      reportToStl(client),
      { databaseUrl: this.config.databaseUrl, ...this.config.mailDispatch },
      this.logger,
    );
    await this.dispatcher.start();
    this.logger.log('Despachador de correos en marcha');
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatcher?.stop();
    await this.connection?.close();
  }

  /** After every module stopped: the activities and the dispatcher have stopped sending by then. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
