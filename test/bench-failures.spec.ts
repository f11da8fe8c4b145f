import { failureLines } from '../bench/failures';

describe('failures of a benchmark', () => {
  it('are grouped by their innermost cause, most frequent first, each with its first example whole', () => {
    const timedOut = (workflowId: string, seconds: number) =>
      new Error('Update failed', { cause: new Error(`Workflow ${workflowId} timed out after ${seconds} s`) });

    const lines = failureLines([new Error('HTTP 503 de GET /api/exercises'), timedOut('exercise/14/3', 12), timedOut('exercise/20/1', 9)]);

    expect(lines).toEqual([
      '  fallas: 3, por causa (con el primer ejemplo de cada una):',
      '    2 × Error: Workflow exercise/N/N timed out after N s',
      '      p. ej.: Error: Update failed ← Error: Workflow exercise/14/3 timed out after 12 s',
      '    1 × Error: HTTP N de GET /api/exercises',
      '      p. ej.: Error: HTTP 503 de GET /api/exercises',
    ]);
  });

  it('say so when there are none', () => {
    expect(failureLines([])).toEqual(['  fallas: ninguna']);
  });
});
