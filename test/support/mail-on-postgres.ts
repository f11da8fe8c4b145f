import { DEVELOPMENT_MAIL_LINK_SECRET, type DeliveryOptions, NotificationDelivery, NotificationOutbox, SmtpMailTransport } from '@app/notifications';
import { EventStore, NotificationRecord, ProjectionWriter } from '@app/persistence';
import { EventStoreActivitiesService } from '../../apps/worker/src/activities/event-store.activities';
import { NotificationActivitiesService } from '../../apps/worker/src/activities/notification.activities';
import { type Story } from '../../libs/notifications/src/testing/stories';
import { insertStaff } from './notification-fixtures';
import { SmtpSink } from './smtp-sink';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * The append and delivery activities of the worker on a migrated PostgreSQL, delivering to an SMTP server on
 * loopback, for one spec file: started before its tests, every table emptied before each, all stopped after.
 */
export class MailOnPostgres {
  database!: TestDatabase;
  sink!: SmtpSink;
  append!: EventStoreActivitiesService;
  deliver!: NotificationActivitiesService;
  private transport?: SmtpMailTransport;

  constructor(delivery: DeliveryOptions) {
    beforeAll(async () => {
      this.database = await createTestDatabase();
      this.sink = await SmtpSink.start();
      this.transport = new SmtpMailTransport(this.sink.url, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 });
      const { dataSource } = this.database;
      const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
      this.append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
      this.deliver = new NotificationActivitiesService(new NotificationDelivery(dataSource, this.transport, delivery));
      await insertStaff(dataSource);
    });
    beforeEach(async () => {
      this.sink.reset();
      await this.database.dataSource.query('TRUNCATE domain_events, notifications, stls, stl_members, stl_sessions, escalations, exercises, commitments');
    });
    afterAll(async () => {
      this.transport?.close();
      await this.sink?.stop();
      await this.database?.drop();
    });
  }

  /** Outbox rows by id, ordered by audience. */
  async rowsOf(ids: readonly string[]): Promise<NotificationRecord[]> {
    const rows = await this.database.dataSource.getRepository(NotificationRecord).find({ where: ids.map((id) => ({ id })) });
    return rows.sort((a, b) => a.audience.localeCompare(b.audience));
  }

  /** Stores every step of the story not stored yet, through the real activity, as a workflow would; answers the outbox ids. */
  async store(story: Story<any, any, any>): Promise<string[]> {
    const [{ n: stored }] = await this.database.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1',
      [story.streamId],
    );
    const ids: string[] = [];
    for (const appended of story.appends.filter((step) => step.firstSeq > stored)) {
      ids.push(...(await this.append.appendEvents(appended)).notificationIds);
    }
    return ids;
  }
}
