import { randomUUID } from 'node:crypto';
import { exerciseWorkflowId, stlWorkflowId } from '@app/contracts';
import { DEMO_PASSWORD } from '../support/auth';
import { type Scenario, type ScenarioStep } from '../simulation/scenario';
import { httpCommandOf, type HttpCommand, type SessionIds } from './http-commands';

/** The account that sends every command: the coordinación may act on every state. */
export const CHAOS_ACCOUNT = 'coordinador';

/** What the client saw of one command: each attempt's status (0: no answer in time, or no connection). */
export interface SentCommand {
  readonly key: string;
  readonly step: ScenarioStep;
  readonly request: HttpCommand;
  /** The stream the command is for (the STL's stream too, for an exercise start that registers it). */
  readonly streamId: string;
  readonly attempts: number[];
  /** The first final answer (2xx, or 4xx: refused), when one came. */
  final?: { status: number; body: string };
  /** Final answers after the first one, to see that retries converged. */
  readonly later: { status: number; body: string }[];
}

export interface DriverOptions {
  readonly apiUrl: string;
  /** Stops sending new commands at this instant (ms since the epoch). */
  readonly until: number;
  /** Each attempt is abandoned after this long (a timeout, as a client would give up). */
  readonly attemptTimeoutMs: number;
  /** How long one command is retried before the driver moves on, its outcome unknown. */
  readonly retryForMs: number;
  /** Called as each attempt starts: the fault schedule kills the worker in the middle of one. */
  readonly onAttempt?: () => void;
}

/**
 * A 5xx, no answer or no connection, too many requests, or the key's lease still held by an earlier attempt: retry
 * with the same key.
 */
const retriable = (status: number, body: string) =>
  status === 0 || status === 429 || status >= 500 || (status === 409 && body.includes('IDEMPOTENCY_KEY_IN_USE'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const streamOf = (step: ScenarioStep) =>
  step.aggregate === 'stl' ? stlWorkflowId(step.entidad) : exerciseWorkflowId(step.entidad, step.number);

/**
 * The client side of the chaos run: every state's commands in its order, the states side by side, each command with an
 * Idempotency-Key of its own kept across its retries, as a careful client does after a timeout or a 503.
 */
export class ChaosDriver {
  readonly sent: SentCommand[] = [];
  private token?: Promise<string>;
  private readonly sessions = new Map<string, SessionIds>();

  constructor(private readonly options: DriverOptions) {}

  async run(scenario: Scenario): Promise<void> {
    const byState = new Map<string, ScenarioStep[]>();
    for (const step of scenario.steps) byState.set(step.entidad, [...(byState.get(step.entidad) ?? []), step]);
    await Promise.all(
      [...byState.values()].map(async (steps) => {
        for (const step of steps) {
          if (Date.now() >= this.options.until) return;
          await this.send(step);
        }
      }),
    );
  }

  private async send(step: ScenarioStep): Promise<void> {
    const sessions = this.sessions.get(step.entidad) ?? new Map<string, string>();
    this.sessions.set(step.entidad, sessions);
    const request = httpCommandOf(step, sessions);
    if (request === undefined) return;
    const command: SentCommand = { key: randomUUID(), step, request, streamId: streamOf(step), attempts: [], later: [] };
    this.sent.push(command);
    await this.untilFinal(command, this.options.retryForMs);
    const sessionId = (step.command.data as { sessionId?: string }).sessionId;
    if (step.command.type === 'ConveneSession' && command.final?.status === 201 && sessionId) {
      sessions.set(sessionId, String((JSON.parse(command.final.body) as { id: string }).id));
    }
  }

  /** Retries `command` with its key until a final answer, or for `forMs`. */
  async untilFinal(command: SentCommand, forMs: number): Promise<void> {
    const giveUpAt = Date.now() + forMs;
    for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
      const { status, body } = await this.attempt(command);
      command.attempts.push(status);
      if (!retriable(status, body)) {
        if (command.final === undefined) command.final = { status, body };
        else command.later.push({ status, body });
        return;
      }
      if (Date.now() + wait > giveUpAt) return;
      await sleep(wait);
    }
  }

  private async attempt(command: SentCommand): Promise<{ status: number; body: string }> {
    this.options.onAttempt?.();
    try {
      let answer = await this.post(command, await this.bearer());
      if (answer.status === 401) {
        // The API restarted and its accounts' tokens are fine, but a login racing a restart may have failed.
        this.token = undefined;
        answer = await this.post(command, await this.bearer());
      }
      return answer;
    } catch {
      return { status: 0, body: '' };
    }
  }

  private async post(command: SentCommand, token: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.options.apiUrl}${command.request.path}`, {
      method: command.request.method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': command.key },
      body: JSON.stringify(command.request.body),
      signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
    });
    return { status: response.status, body: await response.text() };
  }

  private bearer(): Promise<string> {
    this.token ??= (async () => {
      const response = await fetch(`${this.options.apiUrl}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: CHAOS_ACCOUNT, password: DEMO_PASSWORD }),
        signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
      });
      if (response.status !== 200) throw new Error(`login answered ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    })();
    this.token.catch(() => (this.token = undefined));
    return this.token;
  }
}
