import { ApiProblem } from '../errors/api-problem';
import { validationPipe } from '../validation/validation';
import { CompleteStageDto } from './exercises.dto';

async function refusedFields(body: unknown): Promise<string[] | undefined> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype: CompleteStageDto });
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    return (error.body.errors as { field: string }[]).map((problem) => problem.field);
  }
}

describe('POST /api/exercises/:id/stages/:stage/complete: the body', () => {
  it('accepts stages merged in the same act, or none', async () => {
    expect(await refusedFields({ completedOn: '2026-11-10', justification: 'Fusión', mergedWith: [8] })).toBeUndefined();
    expect(await refusedFields({ completedOn: '2026-11-10' })).toBeUndefined();
  });

  // Found by schemathesis (test/fuzz): `"mergedWith": null` passed @IsOptional and the workflow's decider failed on it,
  // so the API answered 500.
  it('refuses mergedWith: null with a 400 naming the field', async () => {
    expect(await refusedFields({ completedOn: '2026-11-10', mergedWith: null })).toEqual(['mergedWith']);
  });
});
