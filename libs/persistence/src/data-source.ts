import { DataSource, type DataSourceOptions } from 'typeorm';
import { DomainEventRecord } from './entities/domain-event.entity';
import { EventStreamRecord } from './entities/event-stream.entity';
import { CommitmentView } from './entities/commitment-view.entity';
import { EscalationView } from './entities/escalation-view.entity';
import { ExerciseView } from './entities/exercise-view.entity';
import { IdempotencyKeyRecord } from './entities/idempotency-key.entity';
import { NotificationRecord } from './entities/notification.entity';
import { User } from './entities/user.entity';
import { StlMemberView, StlSessionView, StlView } from './entities/stl-views.entity';
import { EventStore1763780000000 } from './migrations/1763780000000-event-store';
import { ExercisesView1763780100000 } from './migrations/1763780100000-exercises-view';
import { Users1763790000000 } from './migrations/1763790000000-users';
import { Notifications1763790100000 } from './migrations/1763790100000-notifications';
import { Accounts1763800500000 } from './migrations/1763800500000-accounts';
import { NotificationDispatch1764900000000 } from './migrations/1764900000000-notification-dispatch';
import { StlAndSharedViews1763780200000 } from './migrations/1763780200000-stl-and-shared-views';
import { EventMetadata1764800000000 } from './migrations/1764800000000-event-metadata';
import { IdempotencyKeys1796260131580 } from './migrations/1796260131580-idempotency-keys';
import { HistoricalConvocations1796300000000 } from './migrations/1796300000000-historical-convocations';
import { EventStreams1796400000000 } from './migrations/1796400000000-event-streams';
import { ConvocationForecast1796530000000 } from './migrations/1796530000000-convocation-forecast';
import { RequeuedNotifications1796530100000 } from './migrations/1796530100000-requeued-notifications';
import { SessionTimes1796550000000 } from './migrations/1796550000000-session-times';

export const PERSISTENCE_ENTITIES = [
  DomainEventRecord,
  EventStreamRecord,
  ExerciseView,
  StlView,
  StlMemberView,
  StlSessionView,
  EscalationView,
  CommitmentView,
  User,
  NotificationRecord,
  IdempotencyKeyRecord,
];

/** Listed explicitly (no globs): the same list works from TypeScript sources, compiled output and bundles. */
export const PERSISTENCE_MIGRATIONS = [
  EventStore1763780000000,
  ExercisesView1763780100000,
  StlAndSharedViews1763780200000,
  Users1763790000000,
  Notifications1763790100000,
  Accounts1763800500000,
  EventMetadata1764800000000,
  NotificationDispatch1764900000000,
  IdempotencyKeys1796260131580,
  HistoricalConvocations1796300000000,
  EventStreams1796400000000,
  ConvocationForecast1796530000000,
  RequeuedNotifications1796530100000,
  SessionTimes1796550000000,
];

export interface DatabaseConfig {
  readonly url: string;
  readonly poolSize?: number;
  /** Log failed queries (on by default; tests that provoke failures turn it off). */
  readonly logErrors?: boolean;
}

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: PERSISTENCE_ENTITIES,
    migrations: PERSISTENCE_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: config.logErrors === false ? false : ['error', 'warn'],
    extra: { max: config.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}

export function createDataSource(config: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
