/** The board's browser script: DOM types, no modules, compiled next to the API that serves it. */
export const BROWSER_TSCONFIG = 'apps/api/src/dashboard/browser/tsconfig.json';

/**
 * Compiles apps and libs to dist/ (tsc, then tsc-alias rewrites the @app/* imports), and the board's browser script.
 * `--workflow-bundle` also writes the ahead-of-time Temporal workflow bundle used in production images.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowInterceptorModules, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { PROJECT_ROOT } from '../tools/stack';

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);

export function compile(): void {
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  execFileSync(bin('tsc'), ['-p', BROWSER_TSCONFIG], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

export async function writeWorkflowBundle(target = join(PROJECT_ROOT, 'dist/workflow-bundle.js')): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsPath(PROJECT_ROOT),
    workflowInterceptorModules: workflowInterceptorModules(PROJECT_ROOT),
    ...workflowBundlerOptions(PROJECT_ROOT),
  });
  writeFileSync(target, code);
  return target;
}

async function main(): Promise<void> {
  compile();
  if (process.argv.includes('--workflow-bundle')) console.log(`Workflow bundle: ${await writeWorkflowBundle()}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
