import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exerciseUpdates, exerciseWorkflowId } from '@app/contracts';
import { exerciseDecider, fold, localDateAt } from '@app/domain';
import { commandOn, historyOf } from '../../../../libs/domain/src/test-support/exercise-fixtures';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startTemporalDevServer, type TemporalDevServer } from '../../../../tools/stack';
import { workflowBundlerOptions, workflowsPath } from '../../../worker/src/workflow-bundle';
import { type ApiConfig } from '../config/api-config';
import { ApiProblem } from '../errors/api-problem';
import { WorkflowCommands } from './workflow-commands';

const TASK_QUEUE = 'unprocessed-updates';
const IDENTITY = 'sdk-1.24-race';

/**
 * The worker of Temporal's SDK 1.24 in its race (chaos seed 20261203): it takes the next workflow task and completes it
 * without answering the Update the task carries, as it does when a query reaches a run it is replaying. The server then
 * rejects the Update as `UnprocessedUpdate`, before the workflow sees it.
 */
async function dropTheUpdateOfTheNextTask(client: Client): Promise<void> {
  const { workflowService } = client.connection;
  for (;;) {
    const task = await client.connection.withDeadline(Date.now() + 30_000, () =>
      workflowService.pollWorkflowTaskQueue({ namespace: 'default', taskQueue: { name: TASK_QUEUE }, identity: IDENTITY }),
    );
    if (!task.taskToken?.length) continue;
    expect(task.messages?.length).toBeGreaterThan(0);
    await workflowService.respondWorkflowTaskCompleted({ namespace: 'default', taskToken: task.taskToken, identity: IDENTITY, commands: [], messages: [] });
    return;
  }
}

/** A refused command: PAL_NOT_LAUNCHED (409) from the rules of an exercise just started, nothing to store. */
const progressReport = { data: { commitmentId: 'C1', completion: 'limited', reportedOn: '2026-01-12' }, actor: 'enlace' };
const missing = { code: 'EXERCISE_NOT_FOUND', message: 'El ejercicio no existe.' };

describe('a command whose Update the worker left unanswered (chaos seed 20261203)', () => {
  let dir: string;
  let server: TemporalDevServer;
  let connection: Connection;
  let client: Client;
  let commands: WorkflowCommands;
  let worker: () => Promise<Worker>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unprocessed-update-'));
    server = await startTemporalDevServer({ dbFile: join(dir, 'temporal.db') });
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection });
    commands = new WorkflowCommands(client, { taskQueue: TASK_QUEUE, commandTimeoutMs: 60_000 } as ApiConfig);
    const nativeConnection = await NativeConnection.connect({ address: server.address });
    worker = () =>
      Worker.create({
        connection: nativeConnection,
        taskQueue: TASK_QUEUE,
        workflowsPath: workflowsPath(),
        bundlerOptions: workflowBundlerOptions(),
        activities: {},
      });
  }, 120_000);

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * exercise/<entidad>/1 running and idle (started today: no deadline due for weeks), carried in already started; no
   * worker polls its queue afterwards.
   */
  async function idleExercise(entidad: string): Promise<string> {
    const workflowId = exerciseWorkflowId(entidad, 1);
    const today = localDateAt(Date.now());
    const started = historyOf([commandOn(today, 'StartExercise', { entidad, number: 1, startedOn: today })]);
    const snapshot = { state: fold(exerciseDecider, started), version: started.length };
    await (await worker()).runUntil(async () => {
      const handle = await client.workflow.start('exerciseWorkflow', { workflowId, taskQueue: TASK_QUEUE, args: [{ entidad, number: 1, snapshot }] });
      await expect(commands.execute(workflowId, exerciseUpdates.UpdateCommitmentProgress, progressReport, missing)).rejects.toMatchObject({
        body: { code: 'PAL_NOT_LAUNCHED' },
      });
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
    return workflowId;
  }

  it("sends the Update again and answers the rule's refusal, not a 500", async () => {
    const workflowId = await idleExercise('14');
    const answer = commands.execute(workflowId, exerciseUpdates.UpdateCommitmentProgress, progressReport, missing).then(
      () => undefined,
      (error: unknown) => error,
    );
    await dropTheUpdateOfTheNextTask(client);
    const healthy = await worker();

    const problem = await healthy.runUntil(answer);

    expect(problem).toBeInstanceOf(ApiProblem);
    expect((problem as ApiProblem).body).toMatchObject({ statusCode: 409, code: 'PAL_NOT_LAUNCHED' });
  }, 120_000);

  it('answers 503 WORKFLOW_UPDATE_NOT_DELIVERED, in Spanish, when every delivery is left unanswered', async () => {
    const workflowId = await idleExercise('15');
    const answer = commands.execute(workflowId, exerciseUpdates.UpdateCommitmentProgress, progressReport, missing).then(
      () => undefined,
      (error: unknown) => error,
    );
    for (let delivery = 0; delivery < 3; delivery += 1) await dropTheUpdateOfTheNextTask(client);

    const problem = await answer;

    expect(problem).toBeInstanceOf(ApiProblem);
    expect((problem as ApiProblem).body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_UPDATE_NOT_DELIVERED', message: expect.stringContaining('no se aplicó') });
  }, 120_000);

  // Found replaying issue 20: a command sent while no worker polled (a start not yet ready) answered 500 after 15 s.
  it('answers 503 WORKFLOW_TIMEOUT, in Spanish, when no worker answers within the command timeout', async () => {
    const workflowId = await idleExercise('16');
    const impatient = new WorkflowCommands(client, { taskQueue: TASK_QUEUE, commandTimeoutMs: 2_000 } as ApiConfig);

    const problem = await impatient.execute(workflowId, exerciseUpdates.UpdateCommitmentProgress, progressReport, missing).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(problem).toBeInstanceOf(ApiProblem);
    expect((problem as ApiProblem).body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_TIMEOUT', message: expect.stringContaining('no respondió a tiempo') });
  }, 120_000);
});
