import { isProductionMode, TASK_QUEUE } from '@app/contracts';
import {
  DEFAULT_MAIL_FROM,
  DEFAULT_PUBLIC_BASE_URL,
  DEFAULT_SMTP_URL,
  isLocalUrl,
  isRoutableDomain,
  mailLinkSecret,
  type NotificationsConfig,
  senderDomain,
} from '@app/notifications';
import { metricsPort } from '@app/observability';

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
  /** SMTP_URL, MAIL_FROM and PUBLIC_BASE_URL: how reminders and escalations are sent, and where they link to. */
  readonly notifications: NotificationsConfig;
  /** The outbox dispatcher: how often it sweeps without a NOTIFY, and how many rows it sends at once. */
  readonly mailDispatch: { readonly sweepMs: number; readonly lanes: number };
  /** METRICS_PORT: the Temporal SDK's Prometheus exporter (GET /metrics); none when unset. */
  readonly metricsPort?: number;
  /** Production writes JSON log lines (Nest's and the Temporal SDK's); development, readable ones. */
  readonly jsonLogs: boolean;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

function urlWithScheme(env: NodeJS.ProcessEnv, name: string, fallback: string, schemes: string[], problems: string[]): string {
  const raw = env[name] || fallback;
  let scheme: string | undefined;
  try {
    scheme = new URL(raw).protocol.replace(/:$/, '');
  } catch {
    scheme = undefined;
  }
  if (scheme === undefined || !schemes.includes(scheme)) {
    problems.push(`${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')} (got "${raw}")`);
  }
  return raw;
}

const ADDRESS = /@[^\s@>]+>?\s*$/;

function notificationsConfig(env: NodeJS.ProcessEnv, problems: string[]): NotificationsConfig {
  const mailFrom = env.MAIL_FROM || DEFAULT_MAIL_FROM;
  if (!ADDRESS.test(mailFrom)) problems.push(`MAIL_FROM must be an e-mail address, optionally with a name (got "${mailFrom}")`);
  const replyTo = env.MAIL_REPLY_TO || undefined;
  if (replyTo !== undefined && !ADDRESS.test(replyTo)) {
    problems.push(`MAIL_REPLY_TO must be an e-mail address, optionally with a name (got "${replyTo}")`);
  }
  const config: NotificationsConfig = {
    mailLinkSecret: mailLinkSecret(env, isProductionMode(env), problems),
    smtpUrl: urlWithScheme(env, 'SMTP_URL', DEFAULT_SMTP_URL, ['smtp', 'smtps'], problems),
    mailFrom,
    publicBaseUrl: urlWithScheme(env, 'PUBLIC_BASE_URL', DEFAULT_PUBLIC_BASE_URL, ['http', 'https'], problems),
    ...(replyTo === undefined ? {} : { replyTo }),
  };
  if (isProductionMode(env)) problems.push(...productionProblems(config));
  return config;
}

/** Defaults fit for one machine, refused where real people would get the mail. */
function productionProblems({ mailFrom, publicBaseUrl }: NotificationsConfig): string[] {
  const problems: string[] = [];
  if (!isRoutableDomain(senderDomain(mailFrom))) {
    problems.push(`MAIL_FROM must be on a domain other mail servers can reach in production (got "${mailFrom}")`);
  }
  if (isLocalUrl(publicBaseUrl)) {
    problems.push(`PUBLIC_BASE_URL must be the address recipients open, not this machine, in production (got "${publicBaseUrl}")`);
  }
  return problems;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required');
  const config: WorkerConfig = {
    databaseUrl: env.DATABASE_URL ?? '',
    temporalAddress: env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || TASK_QUEUE,
    // About 0.6 MiB each (bench:timers): 400 keep a worker under 60 % of a 1 GiB heap with 2,500 deadlines due at
    // once, and hold every open workflow of the country (32 STLs and their exercises) many times over.
    maxCachedWorkflows: positiveInteger(env, 'WORKER_MAX_CACHED_WORKFLOWS', 400, problems),
    maxConcurrentActivities: positiveInteger(env, 'WORKER_MAX_CONCURRENT_ACTIVITIES', 50, problems),
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
    migrate: env.DATABASE_MIGRATE !== 'false',
    notifications: notificationsConfig(env, problems),
    mailDispatch: {
      sweepMs: positiveInteger(env, 'MAIL_SWEEP_MS', 30_000, problems),
      lanes: positiveInteger(env, 'MAIL_DISPATCH_LANES', 4, problems),
    },
    metricsPort: metricsPort(env, problems),
    jsonLogs: isProductionMode(env),
  };
  if (problems.length > 0) throw new Error(`Invalid worker configuration:\n- ${problems.join('\n- ')}`);
  return config;
}
