import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { compile } from '../scripts/build';
import { type RunningSystem, startSystem, stopChildrenOnSignals, type SystemOptions } from '../tools/stack';

const quiet = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined };

export interface BenchSystem {
  readonly system: RunningSystem;
  readonly client: Client;
  /** A worker in this process running the baseline workflows on their own task queue. */
  readonly baselineQueue: string;
  close(): Promise<void>;
}

/** A throwaway system (no demo seed) plus a Temporal client and the baseline workers, for one benchmark. */
export async function benchSystem(name: string, options: Partial<SystemOptions> = {}): Promise<BenchSystem> {
  stopChildrenOnSignals('bench');
  if (process.env.COCREACION_BUILT !== '1') compile();
  const dataDir = mkdtempSync(join(tmpdir(), `cocreacion-bench-${name}-`));
  const system = await startSystem({ dataDir, logToFiles: true, seed: false, ...options });
  const connection = await Connection.connect({ address: system.temporalAddress });
  const client = new Client({ connection });
  const { code } = await bundleWorkflowCode({ workflowsPath: join(__dirname, 'workflows/baseline.workflows.ts'), logger: quiet });
  const baselineQueue = `bench-${name}-baseline`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: system.temporalAddress }),
    taskQueue: baselineQueue,
    workflowBundle: { code },
    maxCachedWorkflows: 5_000,
  });
  const running = worker.run();
  return {
    system,
    client,
    baselineQueue,
    close: async () => {
      worker.shutdown();
      await running;
      await connection.close();
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` for every item with at most `concurrency` in flight; returns the failures. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<unknown[]> {
  const failures: unknown[] = [];
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item).catch((error: unknown) => failures.push(error));
    }
  });
  await Promise.all(lanes);
  return failures;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** gRPC DEADLINE_EXCEEDED anywhere in an error's causes. */
export function isDeadlineExceeded(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === 4 || /DEADLINE_EXCEEDED|deadline exceeded/i.test(cause.message)) return true;
  }
  return false;
}
