import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationDelivery, NotificationOutbox, SmtpMailTransport, UndeliverableReports } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type DataSource } from 'typeorm';
import { OutboxDispatcher } from '../../apps/worker/src/dispatcher/outbox-dispatcher';
import { reportToStl } from '../../apps/worker/src/dispatcher/report-to-stl';
import { EventStoreActivitiesService } from '../../apps/worker/src/activities/event-store.activities';
import { NotificationActivitiesService } from '../../apps/worker/src/activities/notification.activities';
import { type ScenarioDriver } from '../scenarios/scenario-driver';
import { insertStaff } from './notification-fixtures';
import { type PostgresForFile, startPostgresForFile } from './postgres-for-file';
import { SmtpSink } from './smtp-sink';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from './time-skipping';

const QUIET = { log: () => undefined, warn: () => undefined };

/**
 * The workflows on the time-skipping server with the worker's real activities, for one spec file: the append and
 * its outbox on a migrated PostgreSQL, and the outbox dispatcher delivering to an SMTP server on loopback, as in
 * production. Started before the file's tests, stopped after them.
 */
export class MailWorkflows {
  sink!: SmtpSink;
  driver!: ScenarioDriver;
  private postgres?: PostgresForFile;
  private transport?: SmtpMailTransport;
  private workflows?: RunningWorkflows;
  private dispatcher?: OutboxDispatcher;

  constructor() {
    beforeAll(async () => {
      const [postgres, sink, env] = await Promise.all([startPostgresForFile(), SmtpSink.start(), timeSkippingEnvironment()]);
      this.postgres = postgres;
      this.sink = sink;
      const { dataSource } = postgres.database;
      await insertStaff(dataSource);
      this.transport = new SmtpMailTransport(sink.url);
      const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
      const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
      const delivery = new NotificationDelivery(dataSource, this.transport, { mailFrom: 'avisos@inai.ejemplo.mx' });
      const deliver = new NotificationActivitiesService(delivery);
      this.workflows = await runWorkflows(env, {
        appendEvents: append.appendEvents.bind(append),
        deliverNotifications: deliver.deliverNotifications.bind(deliver),
      });
      this.driver = this.workflows.driver;
      const options = { databaseUrl: postgres.database.url, sweepMs: 1_000, lanes: 2 };
      this.dispatcher = new OutboxDispatcher(delivery, new UndeliverableReports(dataSource), reportToStl(env.client), options, QUIET);
      await this.dispatcher.start();
    });

    afterAll(async () => {
      await this.dispatcher?.stop();
      await this.workflows?.stop();
      this.transport?.close();
      await this.sink?.stop();
      await this.postgres?.stop();
    });
  }

  get dataSource(): DataSource {
    return this.postgres!.database.dataSource;
  }
}
