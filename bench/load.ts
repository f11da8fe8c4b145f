/**
 * `npm run bench:load`: on the Temporal dev server of a throwaway system, start 2,500 exercises with their states'
 * STLs and drive each through stage 10, as the API does (Update-with-Start, then one Update per stage). Prints
 * workflow starts per second and completed commands per second, the ratio of the starts to a no-op workflow started
 * the same way in the same run (Update-with-Start answered at once; goal ≥ 0.5), and the commands that hit a
 * deadline (goal: none). For scale it also prints bare starts per second, which wait for no worker at all.
 * BENCH_EXERCISES (2500) and BENCH_CONCURRENCY (50) change the defaults.
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import { benchSystem, inParallel, isDeadlineExceeded, timed } from './bench-support';
import { failureLines } from './failures';
import { runLoadScenario } from './load-scenario';
import { noopUpdate } from './workflows/baseline.workflows';
import { recordResults } from './results';

const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 2_500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const GOAL_RATIO = 0.5;

async function main(): Promise<void> {
  const bench = await benchSystem('load');
  const { client } = bench;
  try {
    const runId = Date.now().toString(36);

    const bare = await timed(() =>
      inParallel([...Array(EXERCISES).keys()], CONCURRENCY, async (i) => {
        await client.workflow.start('emptyWorkflow', { workflowId: `empty/${runId}/${i}`, taskQueue: bench.baselineQueue });
      }),
    );
    const noop = await timed(() =>
      inParallel([...Array(EXERCISES).keys()], CONCURRENCY, async (i) => {
        await client.workflow.executeUpdateWithStart(noopUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation('noopWorkflow', {
            workflowId: `noop/${runId}/${i}`,
            taskQueue: bench.baselineQueue,
            workflowIdConflictPolicy: 'FAIL',
          }),
        });
      }),
    );

    const scenario = await runLoadScenario(client, { exercises: EXERCISES, concurrency: CONCURRENCY });
    const starts = scenario.starts;
    const bareRate = EXERCISES / bare.seconds;
    const noopRate = EXERCISES / noop.seconds;
    const startRate = starts / scenario.startSeconds;
    const commandRate = scenario.commands / scenario.commandSeconds;
    const failures = [...bare.result, ...noop.result, ...scenario.failures];
    const deadlines = failures.filter(isDeadlineExceeded).length;
    const ratio = startRate / noopRate;
    const lines = [
      `bench:load — ${EXERCISES} ejercicios y ${scenario.starts - EXERCISES} STL, ${CONCURRENCY} en paralelo, servidor de desarrollo de Temporal`,
      `  inicio sin esperar al worker: ${bareRate.toFixed(1)} inicios/s (${EXERCISES} en ${bare.seconds.toFixed(1)} s; solo de referencia)`,
      `  flujo no-op (línea base):     ${noopRate.toFixed(1)} inicios/s (${EXERCISES} en ${noop.seconds.toFixed(1)} s, Update-with-Start respondido al instante)`,
      `  STL y ejercicios:             ${startRate.toFixed(1)} inicios/s (${starts} en ${scenario.startSeconds.toFixed(1)} s, con su primer comando)`,
      `  razón inicios / no-op:        ${ratio.toFixed(2)} (meta ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'cumplida' : 'NO cumplida'})`,
      `  razón inicios / sin esperar:  ${(startRate / bareRate).toFixed(2)} (solo de referencia)`,
      `  comandos (etapas 1–10):       ${commandRate.toFixed(1)} comandos/s (${scenario.commands} en ${scenario.commandSeconds.toFixed(1)} s)`,
      `  plazos excedidos (deadline):  ${deadlines} (meta: ninguno: ${deadlines === 0 ? 'cumplida' : 'NO cumplida'}); otras fallas: ${failures.length - deadlines}`,
      ...failureLines(failures),
    ];
    console.log(lines.join('\n'));
    recordResults('bench:load', lines, [
      // A run with failures measured something else than the goal describes: no goal is met by it.
      { metric: 'inicios de flujo / inicios no-op', goal: `≥ ${GOAL_RATIO}`, value: ratio.toFixed(2), met: ratio >= GOAL_RATIO && failures.length === 0 },
      { metric: 'inicios de flujo / inicios sin esperar al worker', goal: '(se informa)', value: (startRate / bareRate).toFixed(2), met: true },
      { metric: 'comandos completados por segundo', goal: '(se informa)', value: commandRate.toFixed(1), met: true },
      { metric: 'errores de plazo excedido', goal: '0', value: String(deadlines), met: deadlines === 0 },
      { metric: 'fallas de inicios y comandos', goal: '0', value: String(failures.length), met: failures.length === 0 },
    ]);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
