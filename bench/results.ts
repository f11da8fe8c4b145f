import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, 'results');

const GIB = 1024 ** 3;

/** One figure against its goal, for the summary table of bench/RESULTS.md. */
export interface GoalResult {
  readonly metric: string;
  readonly goal: string;
  readonly value: string;
  readonly met: boolean;
}

export interface BenchResult {
  readonly name: string;
  readonly measuredAt: string;
  readonly machine: string;
  readonly lines: readonly string[];
  readonly goals: readonly GoalResult[];
}

/** The machine a figure was measured on: shared machines, so the load at the start matters too. */
export function describeMachine(): string {
  const model = cpus()[0]?.model.trim() ?? 'desconocido';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `${cpus().length} núcleos (${model}), ${(totalmem() / GIB).toFixed(1)} GiB (${(freemem() / GIB).toFixed(1)} GiB libres), Node ${process.version}; carga al iniciar: ${load}`;
}

/** Keeps one benchmark's latest figures; `npm run bench` assembles bench/RESULTS.md from them. */
export function recordResults(name: string, lines: readonly string[], goals: readonly GoalResult[], machine = describeMachine()): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const result: BenchResult = { name, measuredAt: new Date().toISOString(), machine, lines, goals };
  writeFileSync(join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

export function readResults(): BenchResult[] {
  return readdirSync(RESULTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')) as BenchResult);
}
