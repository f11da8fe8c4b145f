import { getExerciseState, getStlState } from '@app/contracts';
import { DEFAULT_DEADLINE_POLICY, exerciseDecider, exerciseSummary, fold, stlDecider, stlSummary } from '@app/domain';
import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { PROJECTION_TABLES, rebuildProjections } from '../../apps/worker/src/cli/projection-rebuild';
import { historyLengthsOfEveryRun } from '../support/run-histories';
import { checkDeadlines, type LoggedEvent } from './deadline-oracle';
import { type Violation } from './violation';

export interface CheckReport {
  readonly streams: number;
  readonly events: number;
  readonly firings: number;
  readonly outboxRows: number;
  readonly runs: number;
  readonly continuedAsNew: number;
  readonly longestRun: number;
  readonly violations: readonly Violation[];
  readonly log: ReadonlyMap<string, readonly LoggedEvent[]>;
}

const MAX_EVENTS_PER_RUN = 1_000;
const ANSWER_WITHIN_MS = 2_000;
/**
 * A closed workflow answers a query by a replay on the worker, which the time-skipping server only hands out after
 * about two seconds (measured: 1.9–2.1 s for an exercise of 45 events): it is not stuck, only no longer cached.
 */
const CLOSED_ANSWER_WITHIN_MS = 10_000;

/** JSON compared as jsonb does: keys in any order, undefined fields dropped. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );

async function readLog(dataSource: DataSource): Promise<Map<string, LoggedEvent[]>> {
  const rows = await dataSource.query<{ stream_id: string; seq: number; type: string; data: unknown; occurred_at: Date }[]>(
    'SELECT stream_id, seq, type, data, occurred_at FROM domain_events ORDER BY stream_id, seq',
  );
  const log = new Map<string, LoggedEvent[]>();
  for (const row of rows) {
    const events = log.get(row.stream_id) ?? [];
    events.push({ seq: row.seq, type: row.type, data: row.data, occurredAt: row.occurred_at.toISOString() });
    log.set(row.stream_id, events);
  }
  return log;
}

function within<T>(work: Promise<T>, ms = ANSWER_WITHIN_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sin respuesta en ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** (a) fold = projection row = query, and (e) the workflow is neither failed nor stuck. */
async function checkStream(dataSource: DataSource, client: Client, streamId: string, events: readonly LoggedEvent[]): Promise<Violation[]> {
  const violations: Violation[] = [];
  const broken = (invariant: Violation['invariant'], message: string, seq?: number) => violations.push({ invariant, streamId, seq, message });
  events.forEach((event, index) => event.seq !== index + 1 && broken('a', `posición ${event.seq} donde se esperaba ${index + 1}`, event.seq));
  const isStl = streamId.startsWith('stl/');
  const state = isStl ? fold(stlDecider, events as never) : fold(exerciseDecider, events as never);
  const [row] = isStl
    ? await dataSource.query<{ summary: unknown }[]>('SELECT summary FROM stls WHERE entidad = $1', [streamId.slice(4)])
    : await dataSource.query<{ summary: unknown }[]>('SELECT summary FROM exercises WHERE id = $1', [streamId]);
  const summary = isStl ? stlSummary(state as never, DEFAULT_DEADLINE_POLICY) : exerciseSummary(state as never, DEFAULT_DEADLINE_POLICY);
  if (canonical(row?.summary) !== canonical(summary)) broken('a', 'la fila de la proyección no es el pliegue del registro', events.length);
  const handle = client.workflow.getHandle(streamId);
  try {
    const { status } = await within(handle.describe());
    if (!['RUNNING', 'COMPLETED'].includes(status.name)) broken('e', `el flujo terminó en ${status.name}`);
    const bound = status.name === 'RUNNING' ? ANSWER_WITHIN_MS : CLOSED_ANSWER_WITHIN_MS;
    const query: Promise<unknown> = isStl ? handle.query(getStlState) : handle.query(getExerciseState);
    const queried = await within(query, bound);
    if (canonical(queried) !== canonical(state)) broken('a', 'el estado de la consulta no es el pliegue del registro', events.length);
  } catch (error) {
    broken('e', `el flujo no respondió: ${error instanceof Error ? error.message : String(error)}`);
  }
  return violations;
}

/** Every projection table without the time of its last write (a rebuild writes its own). */
async function snapshot(dataSource: DataSource): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of PROJECTION_TABLES) {
    const rows = await dataSource.query<{ row: string }[]>(`SELECT (to_jsonb(t) - 'updated_at')::text AS row FROM ${table} t ORDER BY 1`);
    tables[table] = rows.map(({ row }) => row);
  }
  return tables;
}

/** (a) the live projections equal what `projections:rebuild` writes from scratch. */
async function checkRebuild(dataSource: DataSource): Promise<Violation[]> {
  const live = await snapshot(dataSource);
  await rebuildProjections(dataSource);
  const rebuilt = await snapshot(dataSource);
  return PROJECTION_TABLES.flatMap((table) => {
    const missing = live[table].find((row) => !rebuilt[table].includes(row)) ?? rebuilt[table].find((row) => !live[table].includes(row));
    return missing === undefined && live[table].length === rebuilt[table].length
      ? []
      : [{ invariant: 'a' as const, streamId: table, message: `la reconstrucción de ${table} difiere en la fila ${missing ?? '(cuenta)'}` }];
  });
}

/** (c) one outbox row per event and recipient, each for an event the log holds. */
async function checkOutbox(dataSource: DataSource): Promise<{ rows: number; violations: Violation[] }> {
  const [{ rows }] = await dataSource.query<{ rows: number }[]>('SELECT count(*)::int AS rows FROM notifications');
  const duplicates = await dataSource.query<{ stream_id: string; seq: number; recipient: string; n: number }[]>(
    `SELECT stream_id, seq, coalesce(recipient_email, recipient_name) AS recipient, count(*)::int AS n FROM notifications
     GROUP BY 1, 2, 3 HAVING count(*) > 1 ORDER BY 1, 2`,
  );
  const orphans = await dataSource.query<{ stream_id: string; seq: number }[]>(
    `SELECT n.stream_id, n.seq FROM notifications n LEFT JOIN domain_events e ON e.stream_id = n.stream_id AND e.seq = n.seq
     WHERE e.seq IS NULL ORDER BY 1, 2`,
  );
  return {
    rows,
    violations: [
      ...duplicates.map((row) => ({ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message: `${row.n} avisos a ${row.recipient} por un mismo evento` })),
      ...orphans.map((row) => ({ invariant: 'c' as const, streamId: row.stream_id, seq: row.seq, message: 'aviso de un evento que el registro no tiene' })),
    ],
  };
}

/** A few streams at a time: the time-skipping server and PostgreSQL share the machine's two cores. */
async function eachStream<T>(streams: readonly string[], work: (streamId: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < streams.length; index += 8) {
    results.push(...(await Promise.all(streams.slice(index, index + 8).map(work))));
  }
  return results;
}

/**
 * The checker of issue 15, apart from the system: it reads the store, the projections and the workflows, and judges
 * them with the pure domain only. `clientOf` reaches a stream's workflow; `endedAt` is the simulated instant the run
 * stopped at.
 */
export async function checkInvariants(dataSource: DataSource, clientOf: (streamId: string) => Client, endedAt: number): Promise<CheckReport> {
  const log = await readLog(dataSource);
  const streams = [...log.keys()];
  const violations: Violation[] = [];
  let firings = 0;
  const runLengths = await eachStream(streams, async (streamId) => {
    const events = log.get(streamId)!;
    violations.push(...(await checkStream(dataSource, clientOf(streamId), streamId, events)));
    const oracle = checkDeadlines(streamId, events, endedAt);
    firings += oracle.firings;
    violations.push(...oracle.violations);
    const lengths = await historyLengthsOfEveryRun(clientOf(streamId), streamId);
    lengths.filter((length) => length >= MAX_EVENTS_PER_RUN).forEach((length) =>
      violations.push({ invariant: 'd', streamId, message: `una corrida con ${length} eventos de historial` }),
    );
    return lengths;
  });
  const outbox = await checkOutbox(dataSource);
  violations.push(...outbox.violations, ...(await checkRebuild(dataSource)));
  return {
    streams: streams.length,
    events: [...log.values()].reduce((sum, events) => sum + events.length, 0),
    firings,
    outboxRows: outbox.rows,
    runs: runLengths.reduce((sum, lengths) => sum + lengths.length, 0),
    continuedAsNew: runLengths.reduce((sum, lengths) => sum + lengths.length - 1, 0),
    longestRun: Math.max(0, ...runLengths.flat()),
    violations,
    log,
  };
}

/** The first violation with the stream's events around it, as the run prints it. */
export function describeViolation(violation: Violation, log: ReadonlyMap<string, readonly LoggedEvent[]>): string {
  const events = log.get(violation.streamId) ?? [];
  const at = violation.seq ?? events.length;
  const around = events.filter((event) => Math.abs(event.seq - at) <= 3);
  return [
    `violación (${violation.invariant}) en ${violation.streamId}${violation.seq ? ` #${violation.seq}` : ''}: ${violation.message}`,
    ...around.map((event) => `  ${event.seq === at ? '>' : ' '} #${event.seq} ${event.occurredAt} ${event.type} ${JSON.stringify(event.data).slice(0, 200)}`),
  ].join('\n');
}
