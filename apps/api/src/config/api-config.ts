import { isProductionMode, TASK_QUEUE } from '@app/contracts';
import { DEFAULT_MAIL_FROM, DEFAULT_SMTP_URL, mailLinkSecret } from '@app/notifications';
import { metricsPort } from '@app/observability';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy, deadlinePolicyFromJson, isLocalDate } from '@app/domain';
import { DEFAULT_PROGRAMME_START } from '../validation/decorators';

export interface ApiConfig {
  readonly port: number;
  /** METRICS_PORT: Prometheus' GET /metrics on a port of its own, never the public one; none when unset. */
  readonly metricsPort?: number;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly taskQueue: string;
  readonly migrate: boolean;
  /** How long a command waits for its workflow before the API answers 503. */
  readonly commandTimeoutMs: number;
  /**
   * Everything but an explicit `APP_MODE=development` (set only by `npm start` and the tests, through
   * tools/stack): a strong JWT_SECRET required, no demo accounts.
   */
  readonly production: boolean;
  /** Express' `trust proxy` (`TRUST_PROXY`): a hop count or the proxies' addresses; `false` when reached directly. */
  readonly trustProxy: number | string | false;
  /** The board's public address, for the links in e-mails (`PUBLIC_BASE_URL`). */
  readonly publicBaseUrl: string;
  /** The earliest date any field accepts (`PROGRAMME_START`, YYYY-MM-DD; the programme began on 2015-01-01). */
  readonly programmeStart: string;
  /** Where invitations and password resets are mailed (`SMTP_URL`, `MAIL_FROM`, as the worker's reminders). */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** HMAC key of the access tokens (HS256). */
  readonly jwtSecret: string;
  /** `MAIL_LINK_SECRET`: the key the worker signs the personal answer links of convocations with. */
  readonly mailLinkSecret: string;
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

const OUTSIDE_DEVELOPMENT = 'outside development (APP_MODE=development, which only npm start and the tests set)';

function jwtSecret(env: NodeJS.ProcessEnv, production: boolean, problems: string[]): string {
  const secret = env.JWT_SECRET ?? '';
  if (!production) return secret || DEVELOPMENT_JWT_SECRET;
  if (!secret) problems.push(`JWT_SECRET is required ${OUTSIDE_DEVELOPMENT}: a random string of 32 or more characters`);
  else if (secret === DEVELOPMENT_JWT_SECRET) problems.push(`JWT_SECRET must not be the development default ${OUTSIDE_DEVELOPMENT}`);
  else if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must have at least ${MIN_PRODUCTION_SECRET_LENGTH} characters ${OUTSIDE_DEVELOPMENT}`);
  }
  return secret;
}

/** `NODE_ENV=production npm start` is a production run on the embedded servers (see `isProductionMode`). */
function isProduction(env: NodeJS.ProcessEnv, problems: string[]): boolean {
  const mode = env.APP_MODE ?? '';
  if (!['', 'development', 'production'].includes(mode)) problems.push(`APP_MODE must be "production" or "development" (got "${mode}")`);
  return isProductionMode(env);
}

const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

/** `TRUST_PROXY=1` (hops) or `TRUST_PROXY=10.0.0.5,loopback` (addresses); `true` would let any client claim any address. */
export function trustProxy(env: NodeJS.ProcessEnv, problems: string[]): number | string | false {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((part) => part.trim());
  if (addresses.every((address) => PROXY_ADDRESS.test(address))) return addresses.join(',');
  problems.push(`TRUST_PROXY must be a number of proxy hops or a comma-separated list of proxy addresses (got "${raw}")`);
  return false;
}

function jwtTtl(env: NodeJS.ProcessEnv, problems: string[]): number {
  const raw = env.JWT_TTL || '8h';
  const seconds = parseDuration(raw);
  if (seconds === undefined) problems.push(`JWT_TTL must be a duration such as 8h, 30m, 1d or 3600 (got "${raw}")`);
  return seconds ?? 0;
}

/** `DEADLINE_POLICY='{"dueHour":8,"vacancyRepeatDays":14}'`: DOMAIN.md's defaults with these overrides. */
function deadlinePolicy(env: NodeJS.ProcessEnv, problems: string[]): DeadlinePolicy {
  const result = deadlinePolicyFromJson(env.DEADLINE_POLICY);
  if ('problems' in result) {
    problems.push(...result.problems.map((problem) => `DEADLINE_POLICY ${problem}`));
    return DEFAULT_DEADLINE_POLICY;
  }
  return result.policy;
}

function programmeStart(env: NodeJS.ProcessEnv, problems: string[]): string {
  const raw: string = env.PROGRAMME_START || DEFAULT_PROGRAMME_START;
  if (isLocalDate(raw)) return raw;
  problems.push(`PROGRAMME_START must be a date YYYY-MM-DD (got "${String(raw)}")`);
  return DEFAULT_PROGRAMME_START;
}

/** Validated once at boot: a misconfigured API refuses to start and says why. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required');
  const production = isProduction(env, problems);
  const config: ApiConfig = {
    port: integer(env, 'PORT', 3000, problems),
    databaseUrl: env.DATABASE_URL ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
    migrate: env.DATABASE_MIGRATE !== 'false',
    commandTimeoutMs: integer(env, 'COMMAND_TIMEOUT_MS', 15_000, problems),
    production,
    trustProxy: trustProxy(env, problems),
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, ''),
    programmeStart: programmeStart(env, problems),
    smtpUrl: env.SMTP_URL || DEFAULT_SMTP_URL,
    mailFrom: env.MAIL_FROM || DEFAULT_MAIL_FROM,
    jwtSecret: jwtSecret(env, production, problems),
    mailLinkSecret: mailLinkSecret(env, production, problems),
    jwtTtlSeconds: jwtTtl(env, problems),
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    seedDemoUsers: !production,
    seedDemoData: !production && env.DEMO_SEED === 'true',
    deadlinePolicy: deadlinePolicy(env, problems),
    metricsPort: metricsPort(env, problems),
  };
  if (config.metricsPort !== undefined && config.metricsPort === config.port) problems.push('METRICS_PORT must differ from PORT');
  if (problems.length > 0) throw new Error(`Invalid API configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
