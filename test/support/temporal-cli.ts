import { execFileSync } from 'node:child_process';
import { temporalCliPath } from '../../tools/stack';

/** The ids of the workflows `temporal workflow list --query` shows on the end-to-end system, sorted. */
export function workflowIdsListedBy(query: string): string[] {
  const output = execFileSync(
    temporalCliPath(),
    ['workflow', 'list', '--address', process.env.E2E_TEMPORAL_ADDRESS!, '--query', query, '--output', 'json'],
    { encoding: 'utf8' },
  );
  const workflows = JSON.parse(output) as { execution: { workflowId: string } }[];
  return workflows.map((workflow) => workflow.execution.workflowId).sort();
}
