import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../../apps/worker/src/workflow-bundle';

/** Bundle the workflows once per run (the same bundler configuration as the worker), not once per test file. */
export default async function bundleWorkflowsForTests(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions(), logger: quietLogger });
  const path = join(mkdtempSync(join(tmpdir(), 'cocreacion-bundle-')), 'workflow-bundle.js');
  writeFileSync(path, code);
  process.env.TEST_WORKFLOW_BUNDLE = path;
}

const ignore = () => undefined;
const quietLogger = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, log: ignore };
