import { type AggregateKind, appendOf, domainRejectionOf, exerciseUpdates, getExerciseState, getStlState, stlUpdates } from '@app/contracts';
import {
  AGGREGATES,
  COMMITMENT_COMPLETIONS,
  type DeadlinePolicy,
  DEFAULT_DEADLINE_POLICY,
  type EventOf,
  exerciseDecider,
  exerciseSummary,
  fold,
  localDateAt,
  parseStreamId,
  type StateOf,
  stlDecider,
  stlSummary,
} from '@app/domain';
import { type Directory, idempotencyKey, planNotifications, type PlannedNotification, recipientsFor, type StaffPerson, stlPeopleOf } from '@app/notifications';
import { type Client } from '@temporalio/client';
import { type DataSource, type EntityManager } from 'typeorm';
import { PROJECTION_TABLES, rebuildProjections } from '../../apps/worker/src/cli/projection-rebuild';
import { historyLengthsOfEveryRun } from '../support/run-histories';
import { checkDeadlines, type LatestFiring, type LoggedEvent } from './deadline-oracle';
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
 * A query that needs a replay of the whole history (the first after a worker restart, nothing cached; any query of a
 * closed workflow, measured at about 2 s on the time-skipping server and far more on a loaded machine) is bounded only
 * to tell a stuck workflow from a slow one; the 2 s of (e) are for a running workflow's query and command that follow,
 * as a person would see them.
 */
const COLD_ANSWER_WITHIN_MS = 60_000;

/** JSON compared as jsonb does: keys in any order, undefined fields dropped. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );

export interface CheckOptions {
  /** The policy every workflow of the run was started with (`DEADLINE_POLICY`). */
  readonly policy?: DeadlinePolicy;
  /** How late a firing may be recorded: later under faults, when the worker or Temporal was down at its instant. */
  readonly latestFiring?: LatestFiring;
}

type Queryable = Pick<EntityManager, 'query'>;

async function readLog(database: Queryable, streamId?: string): Promise<Map<string, LoggedEvent[]>> {
  const rows = await database.query<{ stream_id: string; seq: number; type: string; data: unknown; occurred_at: Date; command_id: string | null }[]>(
    `SELECT stream_id, seq, type, data, occurred_at, metadata->>'commandId' AS command_id FROM domain_events
     ${streamId === undefined ? '' : 'WHERE stream_id = $1'} ORDER BY stream_id, seq`,
    streamId === undefined ? [] : [streamId],
  );
  const log = new Map<string, LoggedEvent[]>();
  for (const row of rows) {
    const events = log.get(row.stream_id) ?? [];
    events.push({ seq: row.seq, type: row.type, data: row.data, occurredAt: row.occurred_at.toISOString(), commandId: row.command_id ?? undefined });
    log.set(row.stream_id, events);
  }
  return log;
}

/** The projection row of every stream: its summary. */
async function readSummaries(database: Queryable): Promise<Map<string, unknown>> {
  const exercises = await database.query<{ id: string; summary: unknown }[]>('SELECT id, summary FROM exercises');
  const stls = await database.query<{ entidad: string; summary: unknown }[]>('SELECT entidad, summary FROM stls');
  return new Map([...exercises.map((row) => [row.id, row.summary] as const), ...stls.map((row) => [`stl/${row.entidad}`, row.summary] as const)]);
}

/**
 * Reads in one snapshot: workflows may still be appending (a deadline falling due, an STL answering its exercise), and
 * the log and the rows read at two instants would be two different states. Events and rows are written in one
 * transaction, so one snapshot sees both or neither.
 */
export async function inOneSnapshot<T>(dataSource: DataSource, read: (database: Queryable) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await read(runner.manager);
    } finally {
      await runner.query('COMMIT');
    }
  } finally {
    await runner.release();
  }
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sin respuesta en ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** An error and its causes, with each failure's type: Temporal's "Workflow Update failed" alone says nothing of why. */
function causesOf(error: unknown): string {
  const parts: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const type = (cause as { type?: unknown }).type;
    parts.push(typeof type === 'string' && type ? `${cause.message} (${type})` : cause.message);
  }
  return parts.length > 0 ? parts.join(' ← ') : JSON.stringify(error);
}

/** A command the rules refuse whatever the state, so it stores nothing: the workflow is alive if it answers it. */
async function sendHarmlessCommand(client: Client, streamId: string, today: string): Promise<void> {
  const handle = client.workflow.getHandle(streamId);
  const refused = streamId.startsWith('stl/')
    ? handle.executeUpdate(stlUpdates.ResignMember, { args: [{ data: { memberId: 'verificador-sin-escano', on: today }, actor: 'verificador' }] })
    : handle.executeUpdate(exerciseUpdates.UpdateCommitmentProgress, {
        args: [{ data: { commitmentId: 'verificador-sin-compromiso', completion: COMMITMENT_COMPLETIONS[0], reportedOn: today }, actor: 'verificador' }],
      });
  try {
    await refused;
  } catch (error) {
    if (domainRejectionOf(error)) return;
    throw error;
  }
  throw new Error('aceptó un comando que las reglas deben rechazar');
}

interface StreamCheck {
  readonly dataSource: DataSource;
  readonly client: Client;
  readonly streamId: string;
  readonly events: readonly LoggedEvent[];
  readonly row: unknown;
  readonly endedAt: number;
  readonly policy: DeadlinePolicy;
}

/** (a) fold = projection row = query, and (e) the workflow is neither failed nor stuck: it answers a query and a command. */
async function checkStream({ dataSource, client, streamId, events, row, endedAt, policy }: StreamCheck): Promise<Violation[]> {
  const violations: Violation[] = [];
  const broken = (invariant: Violation['invariant'], message: string, seq?: number) => violations.push({ invariant, streamId, seq, message });
  events.forEach((event, index) => event.seq !== index + 1 && broken('a', `posición ${event.seq} donde se esperaba ${index + 1}`, event.seq));
  const isStl = streamId.startsWith('stl/');
  const folded = (log: readonly LoggedEvent[]) => (isStl ? fold(stlDecider, log as never) : fold(exerciseDecider, log as never));
  const state = folded(events);
  const summary = isStl ? stlSummary(state as never, policy) : exerciseSummary(state as never, policy);
  if (canonical(row) !== canonical(summary)) broken('a', 'la fila de la proyección no es el pliegue del registro', events.length);
  const handle = client.workflow.getHandle(streamId);
  const query = (): Promise<unknown> => (isStl ? handle.query(getStlState) : handle.query(getExerciseState));
  let step = 'la descripción';
  try {
    const { status } = await within(handle.describe(), COLD_ANSWER_WITHIN_MS);
    if (!['RUNNING', 'COMPLETED'].includes(status.name)) broken('e', `el flujo terminó en ${status.name}`);
    step = 'la primera consulta';
    const queried = canonical(await within(query(), COLD_ANSWER_WITHIN_MS));
    // The workflow may have appended since the snapshot: then its state is the fold of the log as it is now.
    if (queried !== canonical(state) && queried !== canonical(folded((await readLog(dataSource, streamId)).get(streamId) ?? []))) {
      broken('a', 'el estado de la consulta no es el pliegue del registro', events.length);
    }
    if (status.name === 'RUNNING') {
      step = 'la consulta y el comando';
      // One after the other, as a person reads the board and then acts: a query sent beside an Update to a run the
      // worker has not cached yet can make Temporal's SDK 1.24 drop the Update unanswered, and the server then
      // rejects it as `UnprocessedUpdate` before the workflow sees it (bench/RESULTS.md, chaos seed 20261203).
      const slow = await answersWithin(async () => {
        await query();
        await sendHarmlessCommand(client, streamId, localDateAt(endedAt));
      });
      if (slow) broken('e', `no respondió una consulta y un comando en ${ANSWER_WITHIN_MS} ms (${slow})`);
    }
  } catch (error) {
    broken('e', `${step}: ${causesOf(error)}`);
  }
  return violations;
}

/**
 * Undefined when one of `ATTEMPTS` tries answers within ANSWER_WITHIN_MS; else what each took. A stuck workflow fails
 * every try; a machine shared by many, whose workflow task now and then waits seconds for a core, does not.
 */
const ATTEMPTS = 3;
async function answersWithin(work: () => Promise<unknown>): Promise<string | undefined> {
  const took: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const started = performance.now();
    await within(work(), COLD_ANSWER_WITHIN_MS);
    const ms = performance.now() - started;
    if (ms <= ANSWER_WITHIN_MS) return undefined;
    took.push(`${ms.toFixed(0)} ms`);
  }
  return took.join(', ');
}

/**
 * Every projection table without the time of its last write (a rebuild writes its own), and the log's last position
 * in the same snapshot.
 */
function projections(dataSource: DataSource): Promise<{ tables: Record<string, string[]>; lastPosition: string }> {
  return inOneSnapshot(dataSource, async (database) => {
    const tables: Record<string, string[]> = {};
    for (const table of PROJECTION_TABLES) {
      const rows = await database.query<{ row: string }[]>(`SELECT (to_jsonb(t) - 'updated_at')::text AS row FROM ${table} t ORDER BY 1`);
      tables[table] = rows.map(({ row }) => row);
    }
    const [{ last }] = await database.query<{ last: string | null }[]>('SELECT max(position)::text AS last FROM domain_events');
    return { tables, lastPosition: last ?? '0' };
  });
}

/**
 * (a) the live projections equal what `projections:rebuild` writes from scratch, compared only when no event was
 * appended between the two readings (under faults a deadline may fall due meanwhile: then both are read again).
 */
async function checkRebuild(dataSource: DataSource, policy: DeadlinePolicy): Promise<Violation[]> {
  let live = await projections(dataSource);
  await rebuildProjections(dataSource, policy);
  let rebuilt = await projections(dataSource);
  for (let attempt = 1; attempt < 5 && live.lastPosition !== rebuilt.lastPosition; attempt += 1) {
    live = rebuilt;
    await rebuildProjections(dataSource, policy);
    rebuilt = await projections(dataSource);
  }
  if (live.lastPosition !== rebuilt.lastPosition) {
    return [{ invariant: 'a', streamId: 'domain_events', message: 'el registro no dejó de crecer: no se pudo comparar la reconstrucción' }];
  }
  return PROJECTION_TABLES.flatMap((table) => {
    const [before, after] = [live.tables[table], rebuilt.tables[table]];
    const missing = before.find((row) => !after.includes(row)) ?? after.find((row) => !before.includes(row));
    return missing === undefined && before.length === after.length
      ? []
      : [{ invariant: 'a' as const, streamId: table, message: `la reconstrucción de ${table} difiere en la fila ${missing ?? '(cuenta)'}` }];
  });
}

/** (c) one outbox row per event and recipient, each for an event the log holds. */
async function checkOutbox(dataSource: Queryable): Promise<{ rows: number; violations: Violation[] }> {
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

interface OutboxRow {
  readonly stream_id: string;
  readonly seq: number;
  readonly kind: string;
  /** `<stream id>|<ref>|<recipient key>`: which person the row is for. */
  readonly idempotency_key: string;
}

/** What the outbox needs to know who receives each e-mail: the active accounts, and where each event is in the log. */
interface AddressBook {
  readonly staff: readonly (StaffPerson & { readonly active: boolean })[];
  /** `<stream id>#<seq>` → the event's global position: which STL state an exercise's append read. */
  readonly positions: ReadonlyMap<string, number>;
}

async function readAddressBook(database: Queryable): Promise<AddressBook> {
  const staff = await database.query<(StaffPerson & { active: boolean })[]>(
    'SELECT id, nombre, email, role, entidades, active FROM users ORDER BY username',
  );
  const rows = await database.query<{ stream_id: string; seq: number; position: string }[]>('SELECT stream_id, seq, position FROM domain_events');
  return { staff, positions: new Map(rows.map((row) => [`${row.stream_id}#${row.seq}`, Number(row.position)])) };
}

/** The appends of a stream as the workflow made them: consecutive events of one instant and one command. */
function appendsOf(events: readonly LoggedEvent[]): LoggedEvent[][] {
  const appends: LoggedEvent[][] = [];
  for (const event of events) {
    const last = appends.at(-1)?.at(-1);
    if (last && last.occurredAt === event.occurredAt && last.commandId === event.commandId) appends.at(-1)!.push(event);
    else appends.push([event]);
  }
  return appends;
}

/**
 * What the workflow tells the planner, append by append: the events, the state after them, and the deadlines already
 * overdue when first pending (history, never mailed).
 */
function plansOf<K extends AggregateKind>(
  kind: K,
  streamId: string,
  events: readonly LoggedEvent[],
  policy: DeadlinePolicy,
): { plan: PlannedNotification[]; state: StateOf<K>; firstSeq: number }[] {
  const aggregate = AGGREGATES[kind];
  const { evolve, initialState } = aggregate.decider(policy);
  let state = initialState();
  const seen = new Set<string>();
  const overdueOnArrival = new Set<string>();
  return appendsOf(events).map((append) => {
    // The log's rows of a stream are its aggregate's events: only that aggregate's append wrote them.
    const stored = append.map(({ type, data }) => ({ type, data }) as EventOf<K>);
    state = stored.reduce(evolve, state);
    const now = Date.parse(append[0].occurredAt);
    const pending = aggregate.deadlines(state, policy);
    const arrivedOverdue = pending.filter((deadline) => !seen.has(deadline.id) && Date.parse(deadline.dueAt) <= now);
    const firing = append[0].commandId?.startsWith('deadline:') ? append[0].commandId.slice('deadline:'.length) : undefined;
    const firesHistory = firing !== undefined && overdueOnArrival.has(firing) ? [firing] : [];
    for (const deadline of pending) {
      if (seen.has(deadline.id)) continue;
      seen.add(deadline.id);
      if (Date.parse(deadline.dueAt) <= now) overdueOnArrival.add(deadline.id);
    }
    const plan = planNotifications(appendOf<K>({
      aggregate: kind,
      streamId,
      firstSeq: append[0].seq,
      events: stored,
      occurredAt: append[0].occurredAt,
      state,
      policy,
      ...(arrivedOverdue.length > 0 ? { arrivedOverdue } : {}),
      ...(firesHistory.length > 0 ? { firesHistory } : {}),
    }));
    return { plan, state, firstSeq: append[0].seq };
  });
}

/**
 * (c) the outbox against the plan: the pure planner, given each append of the log and the state after it, says which
 * e-mails the events call for, and the pure recipient rules say to whom: the STL's people as the append saw them (an
 * STL's own state after it; for an exercise, the STL's state of the log before it) and the active accounts. Every
 * outbox row must be one of them (same event, same kind), and every planned e-mail must have exactly its rows, one
 * per person (by idempotency key: stream, event or deadline, recipient). A resolution goes to whoever the escalation
 * reached, the outbox's own history, so only its kind is checked.
 */
function checkPlannedNotifications(
  log: ReadonlyMap<string, readonly LoggedEvent[]>,
  rows: readonly OutboxRow[],
  policy: DeadlinePolicy,
  book: AddressBook,
): Violation[] {
  const violations: Violation[] = [];
  const written = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = `${row.stream_id}#${row.seq}:${row.kind}`;
    written.set(key, (written.get(key) ?? new Set()).add(row.idempotency_key));
  }
  const planned = new Set<string>();
  const stlPeople = stlPeopleByPosition(log, book.positions);
  for (const [streamId, events] of log) {
    const kind = parseStreamId(streamId)?.aggregate;
    if (!kind) continue;
    for (const { plan, state, firstSeq } of plansOf(kind, streamId, events, policy)) {
      const byKind = new Map<string, PlannedNotification[]>();
      for (const notification of plan) {
        const key = `${streamId}#${notification.seq}:${notification.content.kind}`;
        planned.add(key);
        if (notification.content.kind !== 'escalation_resolved') byKind.set(key, [...(byKind.get(key) ?? []), notification]);
      }
      for (const [key, notifications] of byKind) {
        const { entidad } = notifications[0].content;
        const stlStates = kind === 'stl' ? [stlPeopleOf(state as StateOf<'stl'>)] : stlPeople(entidad, book.positions.get(`${streamId}#${firstSeq}`) ?? 0);
        const expectedFor = (people: Pick<Directory, 'members' | 'facilitador'>) => {
          const directory: Directory = { entidad, ...people, staff: staffOf(book, entidad) };
          return new Set(notifications.flatMap((n) => recipientsFor(n, directory).map((r) => idempotencyKey(streamId, n.ref, r.key))));
        };
        const actual = written.get(key) ?? new Set<string>();
        const candidates = stlStates.map(expectedFor);
        if (!candidates.some((expected) => sameSet(expected, actual))) {
          const [expected] = candidates;
          const recipients = (keys: Set<string>) => [...keys].map((k) => k.slice(k.lastIndexOf('|') + 1)).sort().join(', ') || 'nadie';
          violations.push({
            invariant: 'c',
            streamId,
            seq: notifications[0].seq,
            message: `el aviso ${notifications[0].content.kind} debía ir a ${recipients(expected)}; la bandeja de salida lo tiene para ${recipients(actual)}`,
          });
        }
      }
    }
  }
  for (const row of rows) {
    if (!planned.has(`${row.stream_id}#${row.seq}:${row.kind}`)) {
      violations.push({ invariant: 'c', streamId: row.stream_id, seq: row.seq, message: `aviso ${row.kind} que el plan de ese evento no pide` });
    }
  }
  return violations;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((item) => b.has(item));

/** The accounts the outbox may address about a state, as `UsersStaffDirectory` reads them. */
function staffOf(book: AddressBook, entidad: string): StaffPerson[] {
  return book.staff.filter((person) => person.active && (person.role === 'coordinador' || person.entidades.includes(entidad)));
}

/**
 * The STL's people an exercise's append at `position` read from the read model: the STL's state after its last append
 * stored before that position, or after the next one (positions are taken at insert, so an STL append with a lower
 * position may still have been committing while the exercise read).
 */
function stlPeopleByPosition(log: ReadonlyMap<string, readonly LoggedEvent[]>, positions: ReadonlyMap<string, number>) {
  const timelines = new Map<string, { position: number; people: Pick<Directory, 'members' | 'facilitador'> }[]>();
  for (const [streamId, events] of log) {
    if (!streamId.startsWith('stl/')) continue;
    let state = stlDecider.initialState();
    const timeline = [{ position: 0, people: stlPeopleOf(state) }];
    for (const append of appendsOf(events)) {
      state = append.reduce((folded, event) => stlDecider.evolve(folded, event as never), state);
      timeline.push({ position: positions.get(`${streamId}#${append.at(-1)!.seq}`) ?? 0, people: stlPeopleOf(state) });
    }
    timelines.set(streamId.slice('stl/'.length), timeline);
  }
  return (entidad: string, position: number) => {
    const timeline = timelines.get(entidad) ?? [{ position: 0, people: { members: [], facilitador: null } }];
    const before = timeline.findLastIndex((entry) => entry.position < position);
    return timeline.slice(Math.max(0, before), before + 2).map((entry) => entry.people);
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
 * them with the pure domain only. `clientOf` reaches a stream's workflow; `endedAt` is the instant the run stopped at
 * (simulated, or real under chaos).
 */
export async function checkInvariants(
  dataSource: DataSource,
  clientOf: (streamId: string) => Client,
  endedAt: number,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const { log, summaries, outbox, outboxRows, book } = await inOneSnapshot(dataSource, async (database) => ({
    log: await readLog(database),
    summaries: await readSummaries(database),
    outbox: await checkOutbox(database),
    outboxRows: await database.query<OutboxRow[]>('SELECT stream_id, seq, kind, idempotency_key FROM notifications'),
    book: await readAddressBook(database),
  }));
  const streams = [...log.keys()];
  const violations: Violation[] = [];
  const policy = options.policy ?? DEFAULT_DEADLINE_POLICY;
  let firings = 0;
  const runLengths = await eachStream(streams, async (streamId) => {
    const events = log.get(streamId)!;
    const row = summaries.get(streamId);
    violations.push(...(await checkStream({ dataSource, client: clientOf(streamId), streamId, events, row, endedAt, policy })));
    const oracle = checkDeadlines(streamId, events, endedAt, policy, options.latestFiring);
    firings += oracle.firings;
    violations.push(...oracle.violations);
    const lengths = await historyLengthsOfEveryRun(clientOf(streamId), streamId);
    lengths.filter((length) => length >= MAX_EVENTS_PER_RUN).forEach((length) =>
      violations.push({ invariant: 'd', streamId, message: `una corrida con ${length} eventos de historial` }),
    );
    return lengths;
  });
  violations.push(...outbox.violations, ...checkPlannedNotifications(log, outboxRows, policy, book), ...(await checkRebuild(dataSource, policy)));
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
