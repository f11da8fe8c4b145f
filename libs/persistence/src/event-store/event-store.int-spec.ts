import { type EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { type AppendRequest, EventStore, StreamConflictError } from './event-store';

describe('EventStore on PostgreSQL', () => {
  let database: TestDatabase;
  let store: EventStore;
  let projected: string[];
  const recordProjection = (label: string) => async (manager: EntityManager) => {
    await manager.query('SELECT 1');
    projected.push(label);
  };

  const stageEvents = (streamId: string, firstSeq: number, ...types: string[]): AppendRequest => ({
    streamId,
    firstSeq,
    events: types.map((type) => ({ type, data: { type } })),
    occurredAt: '2026-11-10T15:00:00.000Z',
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new EventStore(database.dataSource);
  });
  afterAll(() => database.drop());
  beforeEach(() => {
    projected = [];
  });

  it('stores the events in order with their data and runs the projection once', async () => {
    const outcome = await store.append(stageEvents('exercise/14/1', 1, 'ExerciseStarted', 'StageCompleted'), recordProjection('a'));

    expect(outcome).toBe('appended');
    expect(projected).toEqual(['a']);
    const stored = await store.readStream('exercise/14/1');
    expect(stored.map((event) => [event.seq, event.type, event.data])).toEqual([
      [1, 'ExerciseStarted', { type: 'ExerciseStarted' }],
      [2, 'StageCompleted', { type: 'StageCompleted' }],
    ]);
    expect(stored[0].occurredAt.toISOString()).toBe('2026-11-10T15:00:00.000Z');
  });

  it('a retried append of stored events changes nothing and does not project again', async () => {
    const request = stageEvents('exercise/14/2', 1, 'ExerciseStarted');
    await store.append(request, recordProjection('first'));
    const retry = await store.append(request, recordProjection('retry'));

    expect(retry).toBe('already_appended');
    expect(projected).toEqual(['first']);
    expect(await store.readStream('exercise/14/2')).toHaveLength(1);
  });

  it('concurrent appends of the same events store them exactly once', async () => {
    const request = stageEvents('exercise/20/1', 1, 'ExerciseStarted', 'StageCompleted');
    const outcomes = await Promise.all([1, 2, 3, 4].map((n) => store.append(request, recordProjection(`attempt ${n}`))));

    expect(outcomes.filter((outcome) => outcome === 'appended')).toHaveLength(1);
    expect(projected).toHaveLength(1);
    expect(await store.readStream('exercise/20/1')).toHaveLength(2);
  });

  it('refuses different events at positions already taken', async () => {
    await store.append(stageEvents('stl/14', 1, 'StlRegistered'), recordProjection('x'));

    await expect(store.append(stageEvents('stl/14', 1, 'MemberAdded'), recordProjection('y'))).rejects.toBeInstanceOf(
      StreamConflictError,
    );
    expect((await store.readStream('stl/14')).map((event) => event.type)).toEqual(['StlRegistered']);
  });

  it('refuses a gap in the sequence', async () => {
    await expect(store.append(stageEvents('stl/20', 3, 'MemberAdded'), recordProjection('gap'))).rejects.toBeInstanceOf(
      StreamConflictError,
    );
    expect(await store.readStream('stl/20')).toEqual([]);
  });

  it('stores nothing when the projection fails: events and read model commit together', async () => {
    const failing = () => Promise.reject(new Error('projection broke'));

    await expect(store.append(stageEvents('exercise/29/1', 1, 'ExerciseStarted'), failing)).rejects.toThrow('projection broke');
    expect(await store.readStream('exercise/29/1')).toEqual([]);
  });

  it('the database itself refuses to update or delete stored events', async () => {
    await store.append(stageEvents('exercise/30/1', 1, 'ExerciseStarted'), recordProjection('z'));

    await expect(database.dataSource.query(`UPDATE domain_events SET type = 'X' WHERE stream_id = 'exercise/30/1'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.dataSource.query(`DELETE FROM domain_events WHERE stream_id = 'exercise/30/1'`)).rejects.toThrow(
      /append-only/,
    );
  });
});
