import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, 'results');

const GIB = 1024 ** 3;

/** The machine a figure was measured on: shared machines, so the load at the start matters too. */
export function describeMachine(): string {
  const model = cpus()[0]?.model.trim() ?? 'desconocido';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `${cpus().length} núcleos (${model}), ${(totalmem() / GIB).toFixed(1)} GiB (${(freemem() / GIB).toFixed(1)} GiB libres), Node ${process.version}; carga al iniciar: ${load}`;
}

/** Keeps one benchmark's latest figures for `npm run bench`, which assembles bench/RESULTS.md from them. */
export function recordResults(name: string, lines: readonly string[], machine = describeMachine()): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const text = [`### ${name}`, '', `Medido el ${new Date().toISOString()} en: ${machine}.`, '', '```', ...lines, '```', ''].join('\n');
  writeFileSync(join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`), text);
}
