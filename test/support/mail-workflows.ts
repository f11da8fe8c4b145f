import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationDelivery, NotificationOutbox, SmtpMailTransport, UndeliverableReports } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { OutboxDispatcher } from '../../apps/worker/src/dispatcher/outbox-dispatcher';
import { reportToStl } from '../../apps/worker/src/dispatcher/report-to-stl';
import { EventStoreActivitiesService } from '../../apps/worker/src/activities/event-store.activities';
import { NotificationActivitiesService } from '../../apps/worker/src/activities/notification.activities';
import { type ScenarioDriver } from '../scenarios/scenario-driver';
import { insertStaff } from './notification-fixtures';
import { type PostgresForFile, startPostgresForFile } from './postgres-for-file';
import { SmtpSink } from './smtp-sink';
import { type TestDatabase } from './test-database';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from './time-skipping';

const QUIET = { log: () => undefined, warn: () => undefined };
const MAIL_FROM = 'avisos@inai.ejemplo.mx';

export interface RunningDispatcher {
  readonly delivery: NotificationDelivery;
  stop(): Promise<void>;
}

/**
 * The worker's outbox dispatcher on `database`, as production runs it: it sends to `smtpUrl` and reports mail the
 * server refuses for good to the state's STL on `client`.
 */
export async function startOutboxDispatcher(database: TestDatabase, smtpUrl: string, client: Client): Promise<RunningDispatcher> {
  const transport = new SmtpMailTransport(smtpUrl);
  const delivery = new NotificationDelivery(database.dataSource, transport, { mailFrom: MAIL_FROM });
  const options = { databaseUrl: database.url, sweepMs: 1_000, lanes: 2 };
  const dispatcher = new OutboxDispatcher(delivery, new UndeliverableReports(database.dataSource), reportToStl(client), options, QUIET);
  await dispatcher.start();
  return {
    delivery,
    stop: async () => {
      await dispatcher.stop();
      transport.close();
    },
  };
}

/**
 * The workflows on the time-skipping server with the worker's real activities, for one spec file: the append and
 * its outbox on a migrated PostgreSQL, and the outbox dispatcher delivering to an SMTP server on loopback, as in
 * production. Started before the file's tests, stopped after them.
 */
export class MailWorkflows {
  sink!: SmtpSink;
  driver!: ScenarioDriver;
  private postgres?: PostgresForFile;
  private workflows?: RunningWorkflows;
  private dispatcher?: RunningDispatcher;

  constructor() {
    beforeAll(async () => {
      const [postgres, sink, env] = await Promise.all([startPostgresForFile(), SmtpSink.start(), timeSkippingEnvironment()]);
      this.postgres = postgres;
      this.sink = sink;
      const { dataSource } = postgres.database;
      await insertStaff(dataSource);
      const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
      const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
      this.dispatcher = await startOutboxDispatcher(postgres.database, sink.url, env.client);
      const deliver = new NotificationActivitiesService(this.dispatcher.delivery);
      this.workflows = await runWorkflows(env, {
        appendEvents: append.appendEvents.bind(append),
        deliverNotifications: deliver.deliverNotifications.bind(deliver),
      });
      this.driver = this.workflows.driver;
    });

    afterAll(async () => {
      await this.workflows?.stop();
      await this.dispatcher?.stop();
      await this.sink?.stop();
      await this.postgres?.stop();
    });
  }

  get dataSource(): DataSource {
    return this.postgres!.database.dataSource;
  }
}
