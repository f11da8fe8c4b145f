/**
 * `npm run bench`: every benchmark, one after the other (each on its own throwaway system), then bench/RESULTS.md
 * with every figure beside its goal. A benchmark that fails leaves its earlier figures, marked as such.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../scripts/build';
import { type BenchResult, describeMachine, readResults, RESULTS_DIR } from './results';

const BENCHMARKS = ['timeskip', 'api', 'load', 'timers', 'simulate', 'chaos'] as const;

function render(results: readonly BenchResult[], failed: readonly string[], machine: string): string {
  const rows = results.flatMap((result) =>
    result.goals.map((goal) => `| ${result.name} | ${goal.metric} | ${goal.goal} | ${goal.value} | ${goal.met ? 'sí' : '**no**'} |`),
  );
  const sections = results.map((result) =>
    [`## ${result.name}`, '', `Medido el ${result.measuredAt} en: ${result.machine}.`, '', '```', ...result.lines, '```', ''].join('\n'),
  );
  return [
    '# Resultados de los benchmarks',
    '',
    'Escritos por `npm run bench` (cada benchmark sobre su propio sistema desechable; `npm run bench:<nombre>` corre uno).',
    'Las cifras dependen de la máquina y de su carga al medir; cada sección dice cuáles fueron.',
    '',
    `Última corrida completa: ${new Date().toISOString()} en ${machine}.`,
    ...(failed.length > 0 ? ['', `Fallaron en esta corrida (sus cifras son de una corrida anterior): ${failed.join(', ')}.`] : []),
    '',
    '| benchmark | cifra | meta | medido | cumple |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...sections,
  ].join('\n');
}

function main(): void {
  const machine = describeMachine();
  compile();
  const failed: string[] = [];
  for (const name of BENCHMARKS) {
    process.stdout.write(`\n\x1b[1m▶ bench:${name}\x1b[0m\n`);
    // Plain node with tsx's loader: the tsx runner would relay a Ctrl-C and SIGKILL a benchmark still stopping.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, `${name}.ts`)], {
      stdio: 'inherit',
      env: { ...process.env, COCREACION_BUILT: '1' },
    });
    if (run.status !== 0) failed.push(`bench:${name}`);
  }
  const report = render(readResults(), failed, machine);
  writeFileSync(join(__dirname, 'RESULTS.md'), `${report}\n`);
  process.stdout.write(`\n${join(__dirname, 'RESULTS.md')} escrito.\n`);
  process.exit(failed.length > 0 ? 1 : 0);
}

if (process.argv.includes('--clean')) rmSync(RESULTS_DIR, { recursive: true, force: true });
main();
