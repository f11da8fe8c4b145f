import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * bcrypt (pure JavaScript `bcryptjs`, no native build) at cost 12: about a third of a second per hash on a
 * small server, which is what makes guessing slow. It runs on worker threads: on the main thread bcryptjs
 * holds the event loop in slices of up to 100 ms, so a few logins would stall every other request.
 */
export const BCRYPT_COST = 12;

/** bcrypt reads only the first 72 bytes of a password: anything longer is refused where passwords are set. */
export const MAX_PASSWORD_BYTES = 72;

/**
 * The hash of a random string nobody knows, at the same cost: unknown usernames (and accounts without a password
 * yet) are compared against it, so they take as long as a wrong password for a real account.
 */
const NO_ACCOUNT_HASH = '$2b$12$DGtaTncdX/FjQ2vJnMNOw.p4BRaQJHV61qhzo6IX7twyFQeWKDlJS';

type Job = { readonly op: 'hash'; readonly password: string } | { readonly op: 'compare'; readonly password: string; readonly hash: string };

// Plain JavaScript evaluated by the thread, so the same code runs from sources (tsx, Jest) and from dist/.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const bcrypt = require(workerData.bcrypt);
parentPort.on('message', ({ id, op, password, hash }) => {
  const work = op === 'hash' ? bcrypt.hash(password, workerData.cost) : bcrypt.compare(password, hash);
  work.then((result) => parentPort.postMessage({ id, result }), (error) => parentPort.postMessage({ id, error: String(error) }));
});`;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly thread: Worker;
}

class BcryptThreads {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  run<T>(job: Job): Promise<T> {
    const id = this.nextId++;
    const thread = this.thread(id);
    // Referenced only while it has work: a pending check keeps the process alive, an idle pool never does.
    thread.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, thread });
      thread.postMessage({ id, ...job });
    });
  }

  /** Round robin over at most one thread per spare core, created on first use; they never keep the process alive. */
  private thread(id: number): Worker {
    const size = Math.max(1, Math.min(4, availableParallelism() - 1));
    if (this.threads.length < size) {
      const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { bcrypt: require.resolve('bcryptjs'), cost: BCRYPT_COST } });
      worker.on('message', ({ id: done, result, error }: { id: number; result?: unknown; error?: string }) => {
        const job = this.pending.get(done);
        this.pending.delete(done);
        if (![...this.pending.values()].some((other) => other.thread === worker)) worker.unref();
        if (error === undefined) job?.resolve(result);
        else job?.reject(new Error(error));
      });
      this.threads.push(worker);
    }
    return this.threads[id % this.threads.length];
  }
}

const threads = new BcryptThreads();

export function hashPassword(password: string): Promise<string> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return Promise.reject(new RangeError(`A bcrypt password has at most ${MAX_PASSWORD_BYTES} bytes`));
  }
  return threads.run<string>({ op: 'hash', password });
}

/** Always does the full bcrypt work, whether or not the account exists or has a password. */
export async function verifyPassword(password: string, passwordHash: string | null | undefined): Promise<boolean> {
  const matches = await threads.run<boolean>({ op: 'compare', password, hash: passwordHash ?? NO_ACCOUNT_HASH });
  return matches && typeof passwordHash === 'string';
}
