import { type AggregateKind, appendOf } from '@app/contracts';
import { AGGREGATES, type DeadlinePolicy, DEFAULT_DEADLINE_POLICY, type EventOf } from '@app/domain';
import { type DomainEventRecord, EventStore, ProjectionWriter } from '@app/persistence';
import { type DataSource, type EntityManager } from 'typeorm';

/** Every table derived from domain_events. Not the notifications outbox: a rebuild must never queue e-mails again. */
export const PROJECTION_TABLES = ['exercises', 'commitments', 'stls', 'stl_members', 'stl_sessions', 'escalations'] as const;

export type ProjectionTable = (typeof PROJECTION_TABLES)[number];

export interface RebuildReport {
  readonly streams: Readonly<Record<AggregateKind, number>>;
  readonly events: number;
  /** Streams no append ever described in `event_streams` (left out, and named so someone looks at them). */
  readonly skipped: readonly string[];
  readonly rows: Readonly<Record<ProjectionTable, number>>;
}

/** Two rebuilds at once would interleave their truncates and writes. */
const REBUILD_LOCK_KEY = 7_246_302;

/**
 * Empties every projection and writes it again from the event log: each stream folded with its aggregate's `evolve`
 * from `initialState()`, then written by the same ProjectionWriter the worker uses when it appends. One transaction:
 * readers see the old rows or the new ones, and a worker appending meanwhile waits for the commit, then projects on
 * top of the rebuilt rows. Each stream's dates follow the policy kept with it (`event_streams`); `policy`, the
 * deployment's (`DEADLINE_POLICY`), stands in for streams stored before policies were kept, whose workflows were
 * started with it.
 */
export async function rebuildProjections(dataSource: DataSource, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Promise<RebuildReport> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REBUILD_LOCK_KEY]);
    await manager.query(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`);
    const writer = new ProjectionWriter();
    const streams: Record<AggregateKind, number> = { exercise: 0, stl: 0 };
    const skipped: string[] = [];
    let events = 0;
    const store = new EventStore(dataSource);
    for await (const stream of store.readAllStreams(manager)) {
      const kept = await store.streamOf(stream[0].streamId, manager);
      if (!kept) {
        skipped.push(stream[0].streamId);
        continue;
      }
      // The dates the stream's workflow keeps: its own policy, or the deployment's for a stream that never recorded one.
      await project(manager, writer, kept.aggregate, stream, kept.policy ?? policy);
      streams[kept.aggregate] += 1;
      events += stream.length;
    }
    return { streams, events, skipped, rows: await countRows(manager) };
  });
}

async function project<K extends AggregateKind>(
  manager: EntityManager,
  writer: ProjectionWriter,
  aggregate: K,
  stream: readonly DomainEventRecord[],
  policy: DeadlinePolicy,
): Promise<void> {
  // The log's rows of a stream are its aggregate's events: only that aggregate's append wrote them.
  const events = stream.map(({ type, data }) => ({ type, data }) as EventOf<K>);
  const last = stream[stream.length - 1];
  const appended = appendOf<K>({
    aggregate,
    streamId: last.streamId,
    firstSeq: stream[0].seq,
    events,
    occurredAt: last.occurredAt.toISOString(),
    state: AGGREGATES[aggregate].fold(events),
    policy,
  });
  // `updated_at` becomes the time the stream's last event was recorded: when its live row was last written.
  await writer.write(manager, appended, last.recordedAt);
}

async function countRows(manager: EntityManager): Promise<Record<ProjectionTable, number>> {
  const rows = {} as Record<ProjectionTable, number>;
  // One after another: the transaction has a single connection.
  for (const table of PROJECTION_TABLES) {
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${table}`);
    rows[table] = count;
  }
  return rows;
}
