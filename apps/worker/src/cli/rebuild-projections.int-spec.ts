import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type AggregateKind, type AggregateStates, appendOf } from '@app/contracts';
import {
  DEFAULT_DEADLINE_POLICY,
  addDays,
  type CommitmentInput,
  type Decider,
  type Deadline,
  type DeadlinePolicy,
  earliest,
  type ExerciseCommand,
  exerciseDeadlines,
  exerciseDeciderWith,
  instantAt,
  isDomainError,
  type LocalDate,
  STL_2017,
  type StlCommand,
  stlDeadlines,
  stlDecider,
  stlSeedCommands,
} from '@app/domain';
import { NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { PROJECTION_TABLES, rebuildProjections } from './projection-rebuild';

const PROJECT_ROOT = join(__dirname, '../../../..');

/**
 * A stream written the way the worker writes it: each command decided on the folded state, its events appended by
 * the real appendEvents activity with the state as it arrives through Temporal (JSON), projections and outbox in the
 * same transaction.
 */
class LiveStream<C extends { type: string; metadata: { now: string } }, K extends AggregateKind, S extends AggregateStates[K] = AggregateStates[K]> {
  private state: S;
  private version = 0;

  constructor(
    private readonly activities: EventStoreActivitiesService,
    private readonly aggregate: K,
    private readonly streamId: string,
    private readonly decider: Decider<C, { type: string; data: unknown }, S>,
    private readonly deadlines: (state: S) => readonly Deadline[],
    private readonly policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  ) {
    this.state = decider.initialState();
  }

  async send(command: C): Promise<void> {
    const decision = this.decider.decide(command, this.state);
    if (isDomainError(decision)) throw new Error(`${this.streamId} ${command.type}: ${decision.code} ${decision.message}`);
    if (decision.length === 0) return;
    const state = decision.reduce((folded, event) => this.decider.evolve(folded, event), this.state);
    await this.activities.appendEvents(appendOf<K>({
      aggregate: this.aggregate,
      streamId: this.streamId,
      firstSeq: this.version + 1,
      events: decision,
      occurredAt: command.metadata.now,
      state: JSON.parse(JSON.stringify(state)) as S,
      policy: this.policy,
    }));
    this.state = state;
    this.version += decision.length;
  }

  /** What the workflow's timer loop would do until `until`: fire each deadline as it falls due, earliest first. */
  async fireDeadlinesUntil(until: LocalDate): Promise<void> {
    for (let next = earliest(this.deadlines(this.state)); next && next.dueAt <= instantAt(until, 23); next = earliest(this.deadlines(this.state))) {
      await this.send({ type: 'FireDeadline', data: { deadlineId: next.id }, metadata: { now: next.dueAt } } as unknown as C);
    }
  }

  escalationIds(): string[] {
    const escalations = (this.state as { escalations?: readonly { id: string }[] }).escalations ?? [];
    return escalations.map((escalation) => escalation.id);
  }
}

const noon = (date: LocalDate) => instantAt(date, 12);
const exerciseCommand = <T extends ExerciseCommand['type']>(date: LocalDate, type: T, data: Extract<ExerciseCommand, { type: T }>['data'], actor = 'garante-14') =>
  ({ type, data, metadata: { now: noon(date), actor } }) as ExerciseCommand;
const stlCommand = <T extends StlCommand['type']>(date: LocalDate, type: T, data: Extract<StlCommand, { type: T }>['data']) =>
  ({ type, data, metadata: { now: noon(date), actor: 'coordinador' } }) as StlCommand;

const commitment = (id: string, kind: CommitmentInput['kind'], title: string): CommitmentInput => ({
  id,
  title,
  kind,
  activities: ['Mesa de trabajo con la dependencia responsable'],
  products: ['Reporte público en el micrositio'],
  indicators: ['Porcentaje de actividades concluidas'],
  responsibles: ['14-gobierno-1', '14-sociedadcivil-1'],
});

const cincoCompromisos = [
  commitment('C1', 'agenda_nacional', 'Datos abiertos de obra pública'),
  commitment('C2', 'agenda_nacional', 'Contrataciones abiertas'),
  commitment('C3', 'problema_local', 'Transporte público seguro'),
  commitment('C4', 'problema_local', 'Saneamiento del río Santiago'),
  commitment('C5', 'follow_the_money', 'Rastreo del gasto del programa de becas'),
];

/** A deployment whose garantes are reminded of a stall after 10 days instead of 30. */
const QUICK_STALL_POLICY: DeadlinePolicy = { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 10 };

/**
 * Two STLs (one with its facilitador vacant, escalated weekly) and two exercises: one stalled (under a policy of its
 * own, which the rebuild must find kept with the stream), one through its PAL.
 */
async function writeLiveHistory(activities: EventStoreActivitiesService): Promise<void> {
  const stl = (entidad: string) =>
    new LiveStream<StlCommand, 'stl'>(activities, 'stl', `stl/${entidad}`, stlDecider, (state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY));
  const exercise = (entidad: string, policy = DEFAULT_DEADLINE_POLICY) =>
    new LiveStream<ExerciseCommand, 'exercise'>(
      activities,
      'exercise',
      `exercise/${entidad}/1`,
      exerciseDeciderWith(policy),
      (state) => exerciseDeadlines(state, policy),
      policy,
    );

  const jaliscoRecord = STL_2017.find((record) => record.entidad === '14')!;
  const jaliscoStl = stl('14');
  for (const command of stlSeedCommands(jaliscoRecord, { installedOn: '2026-02-02', now: noon('2026-02-02') })) await jaliscoStl.send(command);
  await jaliscoStl.fireDeadlinesUntil('2026-04-20');
  const [first, second] = jaliscoStl.escalationIds();
  await jaliscoStl.send(stlCommand('2026-04-21', 'AcknowledgeEscalation', { escalationId: first }));
  await jaliscoStl.send(stlCommand('2026-04-22', 'ResolveEscalation', { escalationId: second, resolution: 'Se convocó a designar facilitador.' }));

  const sonoraRecord = STL_2017.find((record) => record.entidad === '26')!;
  const sonoraStl = stl('26');
  for (const command of stlSeedCommands(sonoraRecord, { installedOn: '2026-01-15', now: noon('2026-01-15') })) await sonoraStl.send(command);
  await sonoraStl.send(stlCommand('2026-02-20', 'ConveneSession', {
    sessionId: 'sesion-1',
    date: '2026-03-06',
    kind: 'ordinaria',
    convokedOn: '2026-02-20',
    agenda: ['Agenda anual de trabajo'],
    place: 'Sala del ISTAI',
  }));

  const jalisco = exercise('14', QUICK_STALL_POLICY);
  await jalisco.send(exerciseCommand('2026-01-12', 'StartExercise', { entidad: '14', number: 1, startedOn: '2026-01-12' }));
  await jalisco.send(exerciseCommand('2026-01-20', 'CompleteStep', { step: 1, completedOn: '2026-01-20' }));
  await jalisco.send(exerciseCommand('2026-01-26', 'CompleteStage', { stage: 1, completedOn: '2026-01-26', evidence: ['https://itei.org.mx/etapa-1.pdf'] }));
  // No progress for months: reminder, then escalations to the enlace and the coordinador.
  await jalisco.fireDeadlinesUntil('2026-04-10');
  await jalisco.send(exerciseCommand('2026-04-12', 'AcknowledgeEscalation', { escalationId: jalisco.escalationIds()[0] }, 'enlace'));

  const sonora = exercise('26');
  const day = (offset: number) => addDays('2026-01-05', offset);
  await sonora.send(exerciseCommand(day(0), 'StartExercise', { entidad: '26', number: 1, startedOn: day(0) }));
  await sonora.send(exerciseCommand(day(1), 'CompleteStep', { step: 1, completedOn: day(1) }));
  for (let stage = 1; stage <= 10; stage += 1) {
    await sonora.send(exerciseCommand(day(1 + stage), 'CompleteStage', { stage, completedOn: day(1 + stage) }));
  }
  await sonora.send(exerciseCommand(day(12), 'RecordGovernanceMechanism', { adoptedOn: day(12), documentUrl: 'https://istai.org.mx/mg.pdf' }));
  await sonora.send(exerciseCommand(day(13), 'RecordAnnualAgenda', { adoptedOn: day(13), documentUrl: 'https://istai.org.mx/agenda.pdf' }));
  // Step 3 needs the STL installed with a titular and a suplente per sector ("elegirán a los titulares y a los suplentes").
  const composition = ['gobierno', 'sociedad_civil', 'garante'].map((sector) => ({ sector, label: sector, titulares: 1, suplentes: 1 }));
  await sonora.send({ type: 'RecordStlStatus', data: { installedOn: day(11), composition, facilitador: { nombre: 'Mtra. Laura Peña' } }, metadata: { now: noon(day(14)) } });
  await sonora.send(exerciseCommand(day(20), 'DefineCommitments', { commitments: cincoCompromisos }));
  await sonora.send(exerciseCommand(day(25), 'CompleteStep', { step: 4, completedOn: day(25) }));
  await sonora.send(exerciseCommand(day(30), 'LaunchPal', { launchedOn: day(30) }));
  await sonora.send(exerciseCommand(day(60), 'UpdateCommitmentProgress', { commitmentId: 'C1', completion: 'substantial', reportedOn: day(60) }));
  await sonora.fireDeadlinesUntil(addDays(day(30), 200));
  await sonora.send(exerciseCommand(addDays(day(30), 200), 'RecordMonitoring', { completedOn: addDays(day(30), 200), summary: 'Avance conforme al plan.' }));
}

type Row = Record<string, unknown>;

const ORDER: Record<(typeof PROJECTION_TABLES)[number], string> = {
  exercises: 'id',
  commitments: 'exercise_id, commitment_id',
  stls: 'entidad',
  stl_members: 'entidad, member_id',
  stl_sessions: 'entidad, session_id',
  escalations: 'id',
};

/** Every projection row (as JSON, so jsonb key order and Date instances compare by value), without `updated_at`. */
async function snapshot(database: TestDatabase): Promise<Record<string, Row[]>> {
  const tables = await Promise.all(
    PROJECTION_TABLES.map(async (table) => {
      const rows: { row: Row }[] = await database.dataSource.query(
        `SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t ORDER BY ${ORDER[table]}`,
      );
      return [table, rows.map(({ row }) => row)] as const;
    }),
  );
  return Object.fromEntries(tables);
}

const outbox = (database: TestDatabase) =>
  database.dataSource.query('SELECT id, idempotency_key, status FROM notifications ORDER BY idempotency_key');

describe('rebuilding the projections from domain_events (real PostgreSQL)', () => {
  let database: TestDatabase;
  let live: Record<string, Row[]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const activities = new EventStoreActivitiesService(
      new EventStore(database.dataSource),
      new ProjectionWriter(),
      new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000' }),
      database.dataSource,
    );
    await writeLiveHistory(activities);
    live = await snapshot(database);
  });

  afterAll(() => database?.drop());

  it('starts from a live read model with rows in every projection', () => {
    for (const table of PROJECTION_TABLES) expect({ table, rows: live[table].length }).toEqual({ table, rows: expect.any(Number) });
    expect(Object.fromEntries(PROJECTION_TABLES.map((table) => [table, live[table].length > 0]))).toEqual(
      Object.fromEntries(PROJECTION_TABLES.map((table) => [table, true])),
    );
    expect(live.escalations.map((row) => row.status)).toEqual(expect.arrayContaining(['abierta', 'reconocida', 'resuelta']));
    const jalisco = live.exercises.find((row) => row.id === 'exercise/14/1');
    expect(jalisco?.summary).toMatchObject({ progressRecordedOn: '2026-01-26', stallReminderOn: '2026-02-05' });
  });

  it('gives back exactly the live rows, row by row (updated_at aside), and leaves the outbox alone', async () => {
    const mailsBefore = await outbox(database);
    expect(mailsBefore.length).toBeGreaterThan(0);

    const report = await rebuildProjections(database.dataSource);

    expect(report.streams).toEqual({ exercise: 2, stl: 2 });
    expect(report.skipped).toEqual([]);
    expect(report.rows).toEqual(Object.fromEntries(PROJECTION_TABLES.map((table) => [table, live[table].length])));
    const rebuilt = await snapshot(database);
    for (const table of PROJECTION_TABLES) expect({ table, rows: rebuilt[table] }).toEqual({ table, rows: live[table] });
    expect(await outbox(database)).toEqual(mailsBefore);
  });

  it('replaces rows that drifted or should not be there, and skips streams of no known aggregate', async () => {
    await database.dataSource.query("UPDATE exercises SET current_step = 6, summary = '{}' WHERE id = 'exercise/14/1'");
    await database.dataSource.query("DELETE FROM stl_members WHERE entidad = '26'");
    await database.dataSource.query(
      "INSERT INTO escalations (id, stream_id, escalation_id, entidad, kind, level, status, reason, raised_at) VALUES ('x/1#a', 'x/1', 'a', '01', 'stall_reminder', 'enlace', 'abierta', 'huérfana', now())",
    );
    await database.dataSource.query(
      "INSERT INTO domain_events (stream_id, seq, type, data, occurred_at) VALUES ('auditoria/1', 1, 'Nota', '{}', now())",
    );

    const report = await rebuildProjections(database.dataSource);

    expect(report.skipped).toEqual(['auditoria/1']);
    expect(await snapshot(database)).toEqual(live);
  });

  it('runs as `npm run projections:rebuild` (tsx, from sources) on DATABASE_URL', async () => {
    await database.dataSource.query('TRUNCATE exercises, escalations');

    const { stdout, stderr } = await promisify(execFile)(
      join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [join(PROJECT_ROOT, 'apps/worker/src/cli/rebuild-projections.ts')],
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url, NO_COLOR: '1' } },
    );

    expect(`${stdout}${stderr}`).toMatch(/Reconstruidas desde \d+ eventos: 2 ejercicios y 2 STL/);
    expect(await snapshot(database)).toEqual(live);
  });
});
