import { TASK_QUEUE } from '@app/contracts';

export interface ApiConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  readonly migrate: boolean;
  /** How long a command waits for its workflow before the API answers 503. */
  readonly commandTimeoutMs: number;
}

export const API_CONFIG = Symbol('API_CONFIG');

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

/** Validated once at boot: a misconfigured API refuses to start and says why. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required');
  const config: ApiConfig = {
    port: integer(env, 'PORT', 3000, problems),
    databaseUrl: env.DATABASE_URL ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
    migrate: env.DATABASE_MIGRATE !== 'false',
    commandTimeoutMs: integer(env, 'COMMAND_TIMEOUT_MS', 15_000, problems),
  };
  if (problems.length > 0) throw new Error(`Invalid API configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
