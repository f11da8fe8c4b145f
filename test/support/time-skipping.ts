import { SEARCH_ATTRIBUTE_TYPES, TASK_QUEUE } from '@app/contracts';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker, type WorkerOptions } from '@temporalio/worker';
import { temporalCliPath, temporalTestServerPath } from '../../tools/stack';
import { ScenarioDriver } from '../scenarios/scenario-driver';

let runtimeQuieted = false;

/** Only warnings from the SDK's runtime: test output stays readable. */
function quietRuntime(): void {
  if (runtimeQuieted) return;
  runtimeQuieted = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

const INDEXED_VALUE_TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
} as const;

/**
 * The real time-skipping test server (Java), from the project's pinned binary, with the search attributes of
 * DESIGN.md registered (the workflows upsert them, and the server refuses unknown ones); so is every environment here.
 */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  return withSearchAttributes(env);
}

/**
 * The CLI's dev server, whose clock is the wall clock: for what the time-skipping server does not model, such as a
 * workflow task heartbeated while a local activity runs long.
 */
export async function devServerEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() } },
  });
  return withSearchAttributes(env);
}

async function withSearchAttributes(env: TestWorkflowEnvironment): Promise<TestWorkflowEnvironment> {
  const searchAttributes = Object.fromEntries(
    Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => [name, INDEXED_VALUE_TYPES[type]]),
  );
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}

/** A worker on the test environment, running the workflows bundled once for the run. */
export async function testWorker(
  env: TestWorkflowEnvironment,
  activities: WorkerOptions['activities'],
  taskQueue = TASK_QUEUE,
  options: Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentLocalActivityExecutions'> = {},
): Promise<Worker> {
  const codePath = process.env.TEST_WORKFLOW_BUNDLE;
  if (!codePath) throw new Error('TEST_WORKFLOW_BUNDLE is not set: run workflow tests through their Jest project');
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath },
    activities,
    maxCachedWorkflows: 100,
    ...options,
  });
}

/** The workflows running on a time-skipping server: a worker with the given activities, and a driver for commands. */
export interface RunningWorkflows {
  readonly env: TestWorkflowEnvironment;
  readonly driver: ScenarioDriver;
  /** Stops the worker, waits for its run to end, then tears the server down. */
  stop(): Promise<void>;
}

/** Starts a worker on `env` and hands back what a spec file needs; the server is torn down even if the worker fails to start. */
export async function runWorkflows(env: TestWorkflowEnvironment, activities: WorkerOptions['activities']): Promise<RunningWorkflows> {
  const worker = await testWorker(env, activities).catch(async (error: unknown) => {
    await env.teardown();
    throw error;
  });
  const running = worker.run();
  return {
    env,
    driver: new ScenarioDriver(env),
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
