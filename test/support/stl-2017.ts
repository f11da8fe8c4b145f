import { type CommandUpdateDefinition, stlUpdates, stlWorkflowId, TASK_QUEUE } from '@app/contracts';
import { type LocalDate, STL_2017, stlSeedCommands } from '@app/domain';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';

/**
 * A state's STL as installed in 2017, loaded the way the seed loads it, for tests whose subject is not its
 * installation. Its first command starts the workflow (Update-with-Start), as the API starts it: an STL workflow
 * started without one ends as unregistered before the next command reaches it, once a worker is already polling.
 */
export async function loadStl2017(client: Client, entidad: string, installedOn: LocalDate): Promise<void> {
  const record = STL_2017.find((candidate) => candidate.entidad === entidad);
  if (record === undefined) throw new Error(`No STL of 2017 for ${entidad}`);
  const [first, ...rest] = stlSeedCommands(record, { installedOn, now: new Date().toISOString() });
  const updateOf = (type: string) => stlUpdates[type as keyof typeof stlUpdates] as unknown as CommandUpdateDefinition;
  await client.workflow.executeUpdateWithStart(updateOf(first.type), {
    args: [{ data: first.data, actor: 'e2e' }],
    startWorkflowOperation: new WithStartWorkflowOperation('stlWorkflow', {
      workflowId: stlWorkflowId(entidad),
      taskQueue: TASK_QUEUE,
      args: [{ entidad }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  for (const command of rest) {
    await client.workflow.getHandle(stlWorkflowId(entidad)).executeUpdate(updateOf(command.type), { args: [{ data: command.data, actor: 'e2e' }] });
  }
}
