import { DEFAULT_DEADLINE_POLICY, exerciseDecider, exerciseSummary, fold, stlDecider, stlSummary } from '@app/domain';
import { type Client } from 'pg';

type Row = Record<string, any>;

async function eventsByStream(database: Client): Promise<Map<string, { type: string; data: unknown }[]>> {
  const { rows } = await database.query<Row>('SELECT stream_id, type, data FROM domain_events ORDER BY stream_id, seq');
  const streams = new Map<string, { type: string; data: unknown }[]>();
  for (const row of rows) {
    const events = streams.get(row.stream_id as string) ?? [];
    events.push({ type: row.type as string, data: row.data });
    streams.set(row.stream_id as string, events);
  }
  return streams;
}

/** JSON as PostgreSQL returns it: undefined fields dropped. */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * The read model equals what the event log says: each stream's events are numbered 1..n without gaps, and every
 * exercise and STL row (and its escalations) is exactly the fold of its events. Events and rows are written in one
 * transaction, so the comparison reads one snapshot: workflows may still be appending (an STL refusing its
 * installation raises an incident seconds after the last command answered), and reading the log and the rows at two
 * instants would compare two different states.
 */
export async function expectProjectionsToMatchTheLog(database: Client): Promise<void> {
  await database.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await compareInOneSnapshot(database);
  } finally {
    await database.query('COMMIT');
  }
}

async function compareInOneSnapshot(database: Client): Promise<void> {
  const streams = await eventsByStream(database);
  const { rows: seqs } = await database.query<Row>('SELECT stream_id, array_agg(seq ORDER BY seq) AS seqs FROM domain_events GROUP BY stream_id');
  for (const row of seqs) {
    expect(row.seqs).toEqual((row.seqs as number[]).map((_, index) => index + 1));
  }
  for (const [streamId, events] of streams) {
    const { rows: escalations } = await database.query<Row>('SELECT count(*)::int AS n FROM escalations WHERE stream_id = $1', [streamId]);
    if (streamId.startsWith('exercise/')) {
      const state = fold(exerciseDecider, events as never);
      const { rows } = await database.query<Row>('SELECT summary FROM exercises WHERE id = $1', [streamId]);
      expect(rows.map((projected) => projected.summary)).toEqual([asStored(exerciseSummary(state, DEFAULT_DEADLINE_POLICY))]);
      expect(escalations[0].n).toBe(state.status === 'not_started' ? 0 : state.escalations.length);
    } else {
      const state = fold(stlDecider, events as never);
      const summary = stlSummary(state, DEFAULT_DEADLINE_POLICY);
      const { rows } = await database.query<Row>('SELECT summary FROM stls WHERE entidad = $1', [summary?.entidad]);
      expect(rows.map((projected) => projected.summary)).toEqual([asStored(summary)]);
      expect(escalations[0].n).toBe(state.status === 'unregistered' ? 0 : state.escalations.length);
    }
  }
}
