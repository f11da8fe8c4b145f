import { ApiProblem } from '../errors/api-problem';
import { CompleteStepDto } from '../exercises/exercises.dto';
import { RecordDecisionDto } from '../stls/stl-sessions.dto';
import { validationPipe } from './validation';

/** The 400 the pipe answers for a body, or undefined when it accepts it. */
async function refusal(metatype: new () => object, body: unknown): Promise<ApiProblem['body'] | undefined> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype });
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    return error.body;
  }
}

describe('validation pipe: malformed input is a 400 in Spanish, never a 500', () => {
  // Found by the fuzz: class-validator's own checks answered in English ("property x should not exist").
  it.each([
    ['an unknown field', CompleteStepDto, { completedOn: '2026-11-10', unknown: 1 }, 'unknown', 'no es un campo admitido'],
    ['a vote that is not an object', RecordDecisionDto, { subject: 'Asunto', consensus: true, votes: [{ memberId: 'a', vote: 'favor' }, 'favor'] }, 'votes', undefined],
    ['a list instead of an object', CompleteStepDto, ['2026-11-10'], '0', 'no es un campo admitido'],
  ])('words %s in Spanish', async (_name, metatype, body, field, message) => {
    const problem = await refusal(metatype, body);
    const errors = problem?.errors as { field: string; message: string }[];

    expect(errors.map((error) => error.field)).toContain(field);
    if (message) expect(errors).toContainEqual({ field, message });
    for (const error of errors) expect(error.message).not.toMatch(/should|must|property|nested|unknown value/i);
    expect(problem?.message).not.toMatch(/should not exist|must be either|unknown value/);
  });
});
