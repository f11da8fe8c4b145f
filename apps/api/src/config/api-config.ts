import { TASK_QUEUE } from '@app/contracts';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy, deadlinePolicyFrom } from '@app/domain';

export interface ApiConfig {
  readonly port: number;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  readonly migrate: boolean;
  /** How long a command waits for its workflow before the API answers 503. */
  readonly commandTimeoutMs: number;
  /** `NODE_ENV=production`: no development secret, no demo accounts. */
  readonly production: boolean;
  /** HMAC key of the access tokens (HS256). */
  readonly jwtSecret: string;
  /** Lifetime of an access token, in seconds (`JWT_TTL`, e.g. `8h`). */
  readonly jwtTtlSeconds: number;
  /** Password of the demo accounts created on an empty users table outside production. */
  readonly demoPassword: string;
  readonly seedDemoUsers: boolean;
  /** `DEMO_SEED=true`, outside production: the API loads the STLs of 2017 into an empty system once it is up. */
  readonly seedDemoData: boolean;
  /** Reminder and escalation numbers given to every workflow the API starts (`DEADLINE_POLICY`, JSON). */
  readonly deadlinePolicy: DeadlinePolicy;
}

export const API_CONFIG = Symbol('API_CONFIG');

/** Only for development and tests: production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'desarrollo-inseguro-no-usar-en-produccion';
export const DEFAULT_DEMO_PASSWORD = 'cocreacion';
const MIN_PRODUCTION_SECRET_LENGTH = 32;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `8h`, `30m`, `1d`, `3600s` or plain seconds (`3600`). */
export function parseDuration(raw: string): number | undefined {
  const match = /^(\d{1,7})([smhd]?)$/.exec(raw.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * SECONDS_PER_UNIT[match[2] || 's'];
  return seconds > 0 ? seconds : undefined;
}

function jwtSecret(env: NodeJS.ProcessEnv, production: boolean, problems: string[]): string {
  const secret = env.JWT_SECRET ?? '';
  if (!production) return secret || DEVELOPMENT_JWT_SECRET;
  if (!secret) problems.push('JWT_SECRET is required when NODE_ENV=production (a random string of 32 or more characters)');
  else if (secret === DEVELOPMENT_JWT_SECRET) problems.push('JWT_SECRET must not be the development default when NODE_ENV=production');
  else if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must have at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when NODE_ENV=production`);
  }
  return secret;
}

function jwtTtl(env: NodeJS.ProcessEnv, problems: string[]): number {
  const raw = env.JWT_TTL || '8h';
  const seconds = parseDuration(raw);
  if (seconds === undefined) problems.push(`JWT_TTL must be a duration such as 8h, 30m, 1d or 3600 (got "${raw}")`);
  return seconds ?? 0;
}

/** `DEADLINE_POLICY='{"dueHour":8,"vacancyRepeatDays":14}'`: DOMAIN.md's defaults with these overrides. */
function deadlinePolicy(env: NodeJS.ProcessEnv, problems: string[]): DeadlinePolicy {
  let overrides: unknown = {};
  try {
    overrides = JSON.parse(env.DEADLINE_POLICY || '{}');
  } catch {
    problems.push('DEADLINE_POLICY must be a JSON object');
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) overrides = {};
  const result = deadlinePolicyFrom(overrides as Record<string, unknown>);
  if ('problems' in result) {
    problems.push(...result.problems.map((problem) => `DEADLINE_POLICY ${problem}`));
    return DEFAULT_DEADLINE_POLICY;
  }
  return result.policy;
}

/** Validated once at boot: a misconfigured API refuses to start and says why. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required');
  const production = env.NODE_ENV === 'production';
  const config: ApiConfig = {
    port: integer(env, 'PORT', 3000, problems),
    databaseUrl: env.DATABASE_URL ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
    migrate: env.DATABASE_MIGRATE !== 'false',
    commandTimeoutMs: integer(env, 'COMMAND_TIMEOUT_MS', 15_000, problems),
    production,
    jwtSecret: jwtSecret(env, production, problems),
    jwtTtlSeconds: jwtTtl(env, problems),
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    seedDemoUsers: !production,
    seedDemoData: !production && env.DEMO_SEED === 'true',
    deadlinePolicy: deadlinePolicy(env, problems),
  };
  if (problems.length > 0) throw new Error(`Invalid API configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
