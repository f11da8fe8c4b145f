import { refuseNewProcesses, signalAll, stopAll } from './child-process';

export interface ShutdownOptions {
  /** Where "Deteniendo…" and "Todo detenido." go. */
  readonly log: (message: string) => void;
  /** The orderly stop of what this process started; anything still alive afterwards is stopped too. */
  readonly stop: () => Promise<void>;
  /** The exit code after a stop asked for by a signal: 0 for `npm start` (npm then adds no error lines). */
  readonly exitCodeOnSignal?: number;
}

/**
 * One Ctrl-C in a terminal can arrive twice (from the terminal to the whole foreground group, and relayed by npm);
 * signals this close together are one request.
 */
const SAME_REQUEST_MS = 1_000;

/** The stop a signal asked for, once under way: how a command that also ends on its own knows to wait for it. */
let stopInProgress: Promise<never> | undefined;

/**
 * What every command that starts servers does on Ctrl-C, SIGTERM and SIGHUP (the terminal closed): stop them all,
 * in order, and only then exit. A second request during the stop hurries it (SIGKILL to every child's process
 * group) but never abandons it. Returns `shutdown(exitCode)` for the command's own ending (a failed start).
 */
export function stopOnSignals(options: ShutdownOptions): (exitCode: number) => Promise<never> {
  let stopping: Promise<never> | undefined;
  let firstRequestAt = 0;
  // Once the terminal is gone, writing to it fails (EIO); the stop must go on regardless.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const say = (message: string) => {
    try {
      options.log(message);
    } catch {
      // The terminal may be gone; stopping matters more than telling.
    }
  };

  const shutdown = (exitCode: number): Promise<never> => {
    stopping ??= (async () => {
      firstRequestAt = Date.now();
      refuseNewProcesses('deteniendo');
      say('Deteniendo… (Ctrl-C otra vez para terminar los procesos a la fuerza)');
      await options.stop().catch((error: unknown) => say(`Al detener: ${error instanceof Error ? error.message : String(error)}`));
      await stopAll();
      say('Todo detenido.');
      process.exit(exitCode);
    })();
    stopInProgress = stopping;
    return stopping;
  };

  const onSignal = () => {
    if (!stopping) {
      void shutdown(options.exitCodeOnSignal ?? 0);
    } else if (Date.now() - firstRequestAt > SAME_REQUEST_MS) {
      say('Terminando a la fuerza lo que queda (SIGKILL)…');
      signalAll('SIGKILL');
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  // Whatever ends this process, no child outlives it.
  process.on('exit', () => signalAll('SIGKILL'));
  return shutdown;
}

/**
 * For the commands whose servers are all children spawned through tools/stack (benchmarks, simulation, chaos run):
 * Ctrl-C, SIGTERM or SIGHUP stop them all before the command exits, as `npm start` does.
 */
export function stopChildrenOnSignals(label: string): void {
  stopOnSignals({ log: (message) => process.stdout.write(`[${label}] ${message}\n`), stop: stopAll, exitCodeOnSignal: 130 });
}

/**
 * How such a command ends: with its own exit code, or, when a stop asked for by a signal is under way, when that
 * stop is done. A failure the stop itself caused (a server killed while starting) is not reported as the command's.
 */
export function exitWith(outcome: Promise<number>): void {
  outcome.then(
    (exitCode) => stopInProgress ?? process.exit(exitCode),
    (error: unknown) => {
      if (stopInProgress) return stopInProgress;
      console.error(error);
      process.exit(1);
    },
  );
}
