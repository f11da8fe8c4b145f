/**
 * `npm run bench:timeskip`: the whole-exercise scenario (ten stages, six steps, PAL, six sessions, monitoring,
 * evaluation: thirteen months of workflow time) on the time-skipping test server. Prints the wall time, the
 * history lengths, and the same figures for a trivial scenario run in the same process as the baseline.
 * Goal: the scenario under 10 s on this machine.
 */
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { runFullExercise } from '../test/scenarios/full-exercise';
import { ScenarioDriver } from '../test/scenarios/scenario-driver';
import { InMemoryEventStore } from '../test/support/in-memory-event-store';
import { timeSkippingEnvironment } from '../test/support/time-skipping';
import { recordResults } from './results';

const QUEUE = 'bench-timeskip';

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const env = await timeSkippingEnvironment();
  const quiet = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, log: () => undefined };
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions(), logger: quiet });
  const store = new InMemoryEventStore();
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: QUEUE, workflowBundle: { code }, activities: store.activities });
  const driver = new ScenarioDriver(env, QUEUE);

  await worker.runUntil(async () => {
    const baseline = await timed(async () => {
      await driver.startExercise('01', await driver.today());
    });
    const scenario = await timed(async () => {
      await runFullExercise(driver, '19');
    });
    const histories = await Promise.all(
      ['exercise/19/1', 'stl/19'].map(async (id) => [id, (await env.client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0] as const),
    );
    const lines = [
      'bench:timeskip — ejercicio completo en el servidor de pruebas con salto de tiempo',
      `  escenario completo (13 meses de flujo):   ${scenario.toFixed(2)} s  (meta < 10 s: ${scenario < 10 ? 'cumplida' : 'NO cumplida'})`,
      `  línea base (iniciar un ejercicio):        ${baseline.toFixed(2)} s  (razón escenario/base: ${(scenario / baseline).toFixed(1)})`,
      ...histories.map(([id, length]) => `  historial de ${id}: ${length} eventos`),
      `  eventos de dominio guardados: ${store.events.length}`,
    ];
    console.log(lines.join('\n'));
    recordResults('bench:timeskip', lines, [
      { metric: 'ejercicio completo (13 meses) en tiempo real', goal: '< 10 s', value: `${scenario.toFixed(2)} s`, met: scenario < 10 },
    ]);
  });
  await env.teardown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
