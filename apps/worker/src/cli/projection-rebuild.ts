import { type AggregateKind, type AggregateStates, type AppendEventsInput } from '@app/contracts';
import { type DeadlinePolicy, DEFAULT_DEADLINE_POLICY, type ExerciseEvent, exerciseDecider, fold, stlDecider, type StlEvent } from '@app/domain';
import { type DomainEventRecord, EventStore, type EventStreamRecord, ProjectionWriter } from '@app/persistence';
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

/** Each aggregate's stream folded by its own `evolve`; the log's rows are that aggregate's events (the append wrote them). */
const FOLDS: { readonly [K in AggregateKind]: (events: readonly { type: string; data: unknown }[]) => AggregateStates[K] } = {
  exercise: (events) => fold(exerciseDecider, events as readonly ExerciseEvent[]),
  stl: (events) => fold(stlDecider, events as readonly StlEvent[]),
};

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
      await project(manager, writer, kept, stream, policy);
      streams[kept.aggregate] += 1;
      events += stream.length;
    }
    return { streams, events, skipped, rows: await countRows(manager) };
  });
}

async function project(
  manager: EntityManager,
  writer: ProjectionWriter,
  { aggregate, policy }: EventStreamRecord,
  stream: readonly DomainEventRecord[],
  deploymentPolicy: DeadlinePolicy,
): Promise<void> {
  const events = stream.map(({ type, data }) => ({ type, data }));
  const last = stream[stream.length - 1];
  const base = {
    streamId: last.streamId,
    firstSeq: stream[0].seq,
    events,
    occurredAt: last.occurredAt.toISOString(),
    // The dates the stream's workflow keeps: its own policy, or the deployment's for a stream that never recorded one.
    policy: policy ?? deploymentPolicy,
  };
  const appended: AppendEventsInput =
    aggregate === 'exercise' ? { ...base, aggregate, state: FOLDS.exercise(events) } : { ...base, aggregate, state: FOLDS.stl(events) };
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
