import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { groupAlive } from './processes';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  readonly exited: Promise<number | string>;
  stop(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  /** Program and arguments, as in /proc/<pid>/cmdline. */
  readonly command: readonly string[];
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** File receiving stdout and stderr; without it, lines go to this process's output prefixed by the name. */
  readonly logFile?: string;
}

function pipeWithPrefix(child: ChildProcess, name: string): void {
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
}

/** Every process spawned here that has not exited yet, in the order they were started. */
const live = new Set<ManagedProcess>();
let refusing: string | undefined;
const spawnListeners: ((process: ManagedProcess) => void)[] = [];

/** Called with every process spawned from now on (e.g. to keep the run record of `npm start`). */
export function onSpawn(listener: (process: ManagedProcess) => void): void {
  spawnListeners.push(listener);
}

/** Once the stop has begun, a start still under way must not add servers that nobody would stop. */
export function refuseNewProcesses(reason: string): void {
  refusing = reason;
}

/** Sends `signal` to the process group of every live child at once: the hurried stop, and the last resort at exit. */
export function signalAll(signal: NodeJS.Signals): void {
  for (const managed of live) managed.kill(signal);
}

/** Stops every live child, newest first (API before worker before Temporal before PostgreSQL). */
export async function stopAll(timeoutMs?: number): Promise<void> {
  for (const managed of [...live].reverse()) await managed.stop(timeoutMs);
}

async function untilGroupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Children get their own process group so that Ctrl-C reaches only the orchestrator, which then stops them in
 * order (API before worker before Temporal before PostgreSQL). A stop ends only when the whole group is gone: the
 * embedded PostgreSQL server is a grandchild, and outlives its runner if the runner dies first.
 */
export function spawnManaged(options: SpawnOptions): ManagedProcess {
  if (refusing !== undefined) throw new Error(`${options.name} not started: ${refusing}`);
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    // Two sources into one file: neither may end it; the exit of the process does.
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('close', () => log.end());
  } else {
    pipeWithPrefix(child, options.name);
  }
  const pgid = child.pid;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  const running = () => pgid !== undefined && (child.exitCode === null && child.signalCode === null ? true : groupAlive(pgid));
  const kill = (signal: NodeJS.Signals) => {
    if (pgid === undefined || !running()) return;
    try {
      process.kill(-pgid, signal);
    } catch {
      child.kill(signal);
    }
  };
  const stop = async (timeoutMs = 15_000) => {
    if (pgid !== undefined && running()) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), timeoutMs);
      await exited;
      await untilGroupGone(pgid, timeoutMs);
      if (groupAlive(pgid)) kill('SIGKILL');
      await untilGroupGone(pgid, 5_000);
      clearTimeout(timer);
    }
    live.delete(managed);
  };
  const managed: ManagedProcess = { name: options.name, child, exited, stop, kill, command: [options.command, ...options.args] };
  if (pgid !== undefined) {
    live.add(managed);
    void exited.then(async () => {
      await untilGroupGone(pgid, 60_000);
      if (!groupAlive(pgid)) live.delete(managed);
    });
  }
  for (const listener of spawnListeners) listener(managed);
  return managed;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 200, failFast }: { timeoutMs?: number; intervalMs?: number; failFast?: ManagedProcess } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let exitedEarly: number | string | undefined;
  void failFast?.exited.then((code) => (exitedEarly = code));
  while (Date.now() < deadline) {
    if (exitedEarly !== undefined) throw new Error(`${what}: ${failFast?.name} exited early (${exitedEarly})`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`Timed out waiting for ${what}${reason}`);
}
