import {
  deadlinePolicyFrom,
  type DeadlinePolicy,
  exerciseDeciderWith,
  type ExerciseEvent,
  exerciseSummary,
  type ExerciseState,
  instantAt,
  isDomainError,
} from '@app/domain';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { EventStoreActivitiesService } from '../activities/event-store.activities';
import { rebuildProjections } from './projection-rebuild';

/** The chaos run's kind of deployment: a stall reminded after 20 days, not DOMAIN.md's 30. */
const SHORTER = (deadlinePolicyFrom({ stallReminderDays: 20, stallEnlaceEscalationDays: 30, stallCoordinadorEscalationDays: 40 }) as { policy: DeadlinePolicy })
  .policy;
const STREAM = 'exercise/14/1';

/**
 * Chaos seed 1 (`npm run chaos -- --seed 1 --duration 60 --states 8`): under a DEADLINE_POLICY other than the default,
 * every exercise row showed the next deadline of DOMAIN.md's numbers (a stall reminder 30 days after the last progress)
 * while its workflow, started with the deployment's policy, would fire it after 20; `projections:rebuild` did the same.
 */
describe('the exercise row under a deployment policy other than the default (chaos seed 1)', () => {
  let database: TestDatabase;
  let state: ExerciseState;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { dataSource } = database;
    const activities = new EventStoreActivitiesService(
      new EventStore(dataSource),
      new ProjectionWriter(),
      new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET }),
      dataSource,
    );
    const decider = exerciseDeciderWith(SHORTER);
    const now = instantAt('2026-03-02', 12);
    const events = decider.decide(
      { type: 'StartExercise', data: { entidad: '14', number: 1, startedOn: '2026-03-02' }, metadata: { now, actor: 'prueba' } } as never,
      decider.initialState(),
    );
    if (isDomainError(events)) throw new Error(events.message);
    state = (events as ExerciseEvent[]).reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
    await activities.appendEvents({
      aggregate: 'exercise',
      streamId: STREAM,
      firstSeq: 1,
      events,
      occurredAt: now,
      state: JSON.parse(JSON.stringify(state)) as ExerciseState,
      policy: SHORTER,
    });
  });

  afterAll(() => database?.drop());

  const row = async () => (await database.dataSource.query<{ summary: { nextDeadline: unknown } }[]>('SELECT summary FROM exercises WHERE id = $1', [STREAM]))[0].summary;

  it('shows the next deadline the workflow keeps under that policy', async () => {
    const summary = await row();

    expect(summary.nextDeadline).toEqual(exerciseSummary(state, SHORTER)?.nextDeadline);
    expect(summary.nextDeadline).toMatchObject({ kind: 'stall_reminder', dueOn: '2026-03-22' });
  });

  it('is rebuilt the same from the log with the deployment policy', async () => {
    const live = await row();

    await rebuildProjections(database.dataSource, SHORTER);

    expect(await row()).toEqual(live);
  });
});
