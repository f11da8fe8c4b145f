import { TASK_QUEUE } from '@app/contracts';

export interface WorkerConfig {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  /** Workflows kept in memory between tasks; bounds the worker's heap (see bench/RESULTS.md). */
  readonly maxCachedWorkflows: number;
  readonly maxConcurrentActivities: number;
  /** Ahead-of-time workflow bundle (production); without it the worker bundles from sources at start. */
  readonly workflowBundlePath?: string;
  readonly migrate: boolean;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required');
  const config: WorkerConfig = {
    databaseUrl: env.DATABASE_URL ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
    maxCachedWorkflows: positiveInteger(env, 'WORKER_MAX_CACHED_WORKFLOWS', 1_000, problems),
    maxConcurrentActivities: positiveInteger(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 50, problems),
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
    migrate: env.DATABASE_MIGRATE !== 'false',
  };
  if (problems.length > 0) throw new Error(`Invalid worker configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
