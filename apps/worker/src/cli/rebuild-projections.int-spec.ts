import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type AggregateKind, appendOf } from '@app/contracts';
import {
  AGGREGATES,
  type AggregateModule,
  type CommandOf,
  type Decider,
  type EventOf,
  DEFAULT_DEADLINE_POLICY,
  addDays,
  type DeadlinePolicy,
  earliest,
  type ExerciseCommand,
  instantAt,
  isDomainError,
  type LocalDate,
  STL_2017,
  type StateOf,
  type StlCommand,
  stlSeedCommands,
} from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { projectionRows } from '@test/support/projections-rebuild';
import { createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { cincoCompromisosOf } from '../../../../libs/domain/src/test-support/exercise-fixtures';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { PROJECTION_TABLES, type ProjectionTable, rebuildProjections } from './projection-rebuild';

const PROJECT_ROOT = join(__dirname, '../../../..');

/**
 * A stream written the way the worker writes it: each command decided on the folded state, its events appended by
 * the real appendEvents activity with the state as it arrives through Temporal (JSON), projections and outbox in the
 * same transaction.
 */
class LiveStream<K extends AggregateKind> {
  private state: StateOf<K>;
  private version = 0;
  private readonly module: AggregateModule<K>;
  private readonly decider: Decider<CommandOf<K>, EventOf<K>, StateOf<K>>;

  constructor(
    private readonly activities: EventStoreActivitiesService,
    private readonly aggregate: K,
    private readonly streamId: string,
    private readonly policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  ) {
    this.module = AGGREGATES[aggregate];
    this.decider = this.module.decider(policy);
    this.state = this.decider.initialState();
  }

  async send(command: CommandOf<K>): Promise<void> {
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
      state: JSON.parse(JSON.stringify(state)) as StateOf<K>,
      policy: this.policy,
    }));
    this.state = state;
    this.version += decision.length;
  }

  /** What the workflow's timer loop would do until `until`: fire each deadline as it falls due, earliest first. */
  async fireDeadlinesUntil(until: LocalDate): Promise<void> {
    const pending = () => earliest(this.module.deadlines(this.state, this.policy));
    for (let next = pending(); next && next.dueAt <= instantAt(until, 23); next = pending()) {
      await this.send({ type: 'FireDeadline', data: { deadlineId: next.id }, metadata: { now: next.dueAt } });
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

const cincoCompromisos = cincoCompromisosOf(['14-gobierno-1', '14-sociedadcivil-1']);

/** A deployment whose garantes are reminded of a stall after 10 days instead of 30. */
const QUICK_STALL_POLICY: DeadlinePolicy = { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 10 };

/**
 * Two STLs (one with its facilitador vacant, escalated weekly) and two exercises: one stalled (under a policy of its
 * own, which the rebuild must find kept with the stream), one through its PAL.
 */
async function writeLiveHistory(activities: EventStoreActivitiesService): Promise<void> {
  const stl = (entidad: string) =>
    new LiveStream(activities, 'stl', `stl/${entidad}`);
  const exercise = (entidad: string, policy = DEFAULT_DEADLINE_POLICY) =>
    new LiveStream(activities, 'exercise', `exercise/${entidad}/1`, policy);

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

/** Every projection row, in each table's key order, without `updated_at`. */
const snapshot = (database: TestDatabase) => projectionRows<Row>((sql) => database.dataSource.query(sql));

const outbox = (database: TestDatabase) =>
  database.dataSource.query('SELECT id, idempotency_key, status FROM notifications ORDER BY idempotency_key');

describe('rebuilding the projections from domain_events (real PostgreSQL)', () => {
  let database: TestDatabase;
  let live: Record<ProjectionTable, Row[]>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const activities = new EventStoreActivitiesService(
      new EventStore(database.dataSource),
      new ProjectionWriter(),
      new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET }),
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
