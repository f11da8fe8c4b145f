import { type CallHandler, type ExecutionContext } from '@nestjs/common';
import { admin, createTestDatabase, type TestDatabase } from '@test/support/test-database';
import { from, lastValueFrom } from 'rxjs';
import { ApiProblem } from '../errors/api-problem';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKeys } from './idempotency-keys';

const KEY = 'lanzamiento-del-pal';

/** What a client hears of one attempt: the status, and the problem's code when it is one. */
interface Heard {
  readonly status: number;
  readonly code?: string;
}

/**
 * The interceptor as Nest runs it on `POST /api/exercises/:id/pal/launch`, on real PostgreSQL: `handle` plays the
 * command (the workflow's answer), and the database can go away between that answer and its keeping.
 */
describe('an Idempotency-Key whose answer cannot be kept (real PostgreSQL)', () => {
  let database: TestDatabase;
  let interceptor: IdempotencyInterceptor;

  beforeAll(async () => {
    database = await createTestDatabase();
    interceptor = new IdempotencyInterceptor(new IdempotencyKeys(database.dataSource, { commandTimeoutMs: 15_000 }));
  });

  afterAll(() => database?.drop());

  /** PostgreSQL refuses this database's connections and drops the open ones, as while it restarts. */
  const databaseAway = (allow: boolean) =>
    admin(async (server) => {
      const name = new URL(database.url).pathname.slice(1);
      await server.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${allow}`);
      if (!allow) await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    });

  const attempt = async (command: () => Promise<unknown>): Promise<Heard> => {
    const request = {
      headers: { 'idempotency-key': KEY },
      user: { username: 'enlace-25' },
      route: { path: '/api/exercises/:id/pal/launch' },
      method: 'POST',
      params: { id: '25-1' },
      query: {},
      body: { launchedOn: '2026-12-01' },
      originalUrl: '/api/exercises/25-1/pal/launch',
    };
    const response = {
      statusCode: 201,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
    };
    const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ExecutionContext;
    const next: CallHandler = { handle: () => from(command()) };
    try {
      // A kept answer is replayed as a body with its status, not thrown.
      const body = (await lastValueFrom(await interceptor.intercept(context, next), { defaultValue: undefined })) as { code?: string } | undefined;
      return { status: response.statusCode, ...(body?.code === undefined ? {} : { code: body.code }) };
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      return { status: error.getStatus(), code: error.body.code };
    }
  };

  it('answers 503, not the refusal, so that the one final answer the client hears is the one kept (chaos seed 5)', async () => {
    // Chaos seed 5: LaunchPal refused with 422 while PostgreSQL restarted; its retry, decided again later, was a 409.
    const first = await attempt(async () => {
      await databaseAway(false);
      throw new ApiProblem(422, 'PAL_COMMITMENTS_INVALID', 'Los compromisos no son válidos.');
    });
    await databaseAway(true);

    expect(first).toEqual({ status: 503, code: 'IDEMPOTENCY_ANSWER_NOT_KEPT' });
    // The attempt's lease holds the key until it ends; then a retry runs, and its answer is kept.
    expect(await attempt(() => Promise.reject(new Error('a retry ran while the lease held the key')))).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
    await database.dataSource.query("UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE key = $1", [KEY]);
    const second = await attempt(() => Promise.reject(new ApiProblem(409, 'PAL_ALREADY_LAUNCHED', 'El PAL ya se lanzó.')));
    const third = await attempt(() => Promise.reject(new Error('a kept answer ran the command again')));

    expect(second).toEqual({ status: 409, code: 'PAL_ALREADY_LAUNCHED' });
    expect(third).toEqual(second);
  });
});
