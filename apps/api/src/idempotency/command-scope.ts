import { AsyncLocalStorage } from 'node:async_hooks';

/** What the workflow calls of one HTTP request share: the Update id its Idempotency-Key stands for. */
export interface CommandScope {
  readonly updateId: string;
}

const scope = new AsyncLocalStorage<CommandScope>();

/**
 * Runs `work` with the request's Update id reachable from WorkflowCommands, so neither controllers nor services
 * carry the key through their signatures.
 */
export function withinCommandScope<T>(current: CommandScope, work: () => Promise<T>): Promise<T> {
  return scope.run(current, work);
}

/** The Update id of the current request, or undefined when it sent no key (Temporal then picks a random one). */
export function currentUpdateId(): string | undefined {
  return scope.getStore()?.updateId;
}
