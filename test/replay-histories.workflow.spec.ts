import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

const HISTORIES = join(__dirname, 'histories');
const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

/**
 * Recorded histories (scripts/record-histories.ts) replayed against today's workflow code: a change that would
 * break running workflows fails here. Evolve released workflow code with `patched()`.
 */
describe('recorded workflow histories replay deterministically', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s', async (file) => {
    const { workflowId, history } = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as { workflowId: string; history: unknown };
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } }, history, workflowId),
    ).resolves.toBeUndefined();
  });
});
