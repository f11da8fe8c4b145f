/**
 * Records the histories that CI replays (test/histories/*.json): run it when the workflows change on purpose, and
 * commit the result. Old histories stay: changes to released workflow code must keep them replaying (`patched()`),
 * and each version adds its own files, named by the label given here.
 *   npx tsx scripts/record-histories.ts <label>     e.g. local-append → full-exercise.exercise.local-append.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { runFullExercise } from '../test/scenarios/full-exercise';
import { ScenarioDriver } from '../test/scenarios/scenario-driver';
import { runStallScenario, runVacancyScenario } from '../test/scenarios/short-scenarios';
import { InMemoryEventStore } from '../test/support/in-memory-event-store';
import { timeSkippingEnvironment } from '../test/support/time-skipping';
import { PROJECT_ROOT } from '../tools/stack';

const HISTORIES = join(PROJECT_ROOT, 'test/histories');
const label = process.argv[2];

async function main(): Promise<void> {
  const env = await timeSkippingEnvironment();
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions() });
  const store = new InMemoryEventStore();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'historias',
    workflowBundle: { code },
    activities: store.activities,
  });
  const driver = new ScenarioDriver(env, 'historias');
  const recorded: Record<string, string> = {
    'full-exercise.exercise': 'exercise/19/1',
    'full-exercise.stl': 'stl/19',
    'vacancy.stl': 'stl/05',
    'stall.exercise': 'exercise/10/1',
  };
  await worker.runUntil(async () => {
    await runFullExercise(driver, '19');
    await runVacancyScenario(driver, '05');
    await runStallScenario(driver, '10');
    mkdirSync(HISTORIES, { recursive: true });
    for (const [name, workflowId] of Object.entries(recorded)) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      const file = join(HISTORIES, label ? `${name}.${label}.json` : `${name}.json`);
      writeFileSync(file, `{"workflowId":${JSON.stringify(workflowId)},"history":${historyToJSON(history)}}\n`);
      console.log(`${file}: ${history.events?.length ?? 0} events`);
    }
  });
  await env.teardown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
