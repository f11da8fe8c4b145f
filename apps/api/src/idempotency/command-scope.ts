import { AsyncLocalStorage } from 'node:async_hooks';

/** What the workflow calls of one HTTP request with an Idempotency-Key share. */
export interface CommandScope {
  /** The Update id the key stands for. */
  readonly updateId: string;
  /** An earlier attempt under the key may have sent its Update (and started its workflow) already. */
  readonly retry: boolean;
  /** Values an earlier attempt under the same key chose before sending its Update (a session's number…). */
  readonly choices: Record<string, unknown>;
  /** Keeps the choices with the key; awaited before the Update that carries them is sent. */
  readonly keep: (choices: Record<string, unknown>) => Promise<void>;
}

const scope = new AsyncLocalStorage<CommandScope>();

/**
 * Runs `work` with the request's scope reachable from services and WorkflowCommands, so neither controllers nor
 * services carry the key through their signatures.
 */
export function withinCommandScope<T>(current: CommandScope, work: () => Promise<T>): Promise<T> {
  return scope.run(current, work);
}

/** The Update id of the current request, or undefined when it sent no key (Temporal then picks a random one). */
export function currentUpdateId(): string | undefined {
  return scope.getStore()?.updateId;
}

/** A retry under a key: a workflow its first attempt started is joined, not refused as already running. */
export function isRetry(): boolean {
  return scope.getStore()?.retry ?? false;
}

/**
 * `proposed`, or what an earlier attempt under the same key chose instead. A retry must send the Update its first
 * attempt sent: Temporal answers a repeated Update id with the first execution's result, whatever the new arguments
 * say, so a value read from the read model (which the first attempt may have changed) must not be read again.
 */
export async function choiceKeptAcrossRetries<T>(name: string, proposed: T): Promise<T> {
  const current = scope.getStore();
  if (!current) return proposed;
  if (name in current.choices) return current.choices[name] as T;
  await replaceChoice(name, proposed);
  return proposed;
}

/** An earlier choice gave way (another request took that number first): the retries use this one. */
export async function replaceChoice(name: string, value: unknown): Promise<void> {
  const current = scope.getStore();
  if (!current) return;
  current.choices[name] = value;
  await current.keep(current.choices);
}

/** What an earlier attempt under the key chose for `name`, if any. */
export function earlierChoice<T>(name: string): T | undefined {
  return scope.getStore()?.choices[name] as T | undefined;
}
