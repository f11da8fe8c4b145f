import { ApiProblem } from '../errors/api-problem';
import { CompleteStageDto, CompleteStepDto, StartExerciseDto } from '../exercises/exercises.dto';
import { AdoptGovernanceMechanismDto } from '../stls/stl-governance.dto';
import { ConveneSessionDto, RecordDecisionDto } from '../stls/stl-sessions.dto';
import { MAX_INPUT_DEPTH, tooDeeplyNested, validationPipe } from './validation';

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

const nestedArrays = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const nestedObjects = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('validation pipe: malformed input is a 400 in Spanish, never a 500', () => {
  // Found by the fuzz (test/fuzz): a body nested a few thousand levels deep overflowed the stack in Nest's prototype
  // stripping and class-transformer, and the API answered 500.
  it.each([
    ['arrays 5 000 deep as the body', () => nestedArrays(5_000), '0'],
    ['objects 20 000 deep in a field', () => ({ completedOn: '2026-11-10', evidence: nestedObjects(20_000) }), 'evidence'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_name, body, field) => {
    const problem = await refusal(CompleteStepDto, body());

    expect(problem).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: [{ field }] });
    expect(problem?.message).toContain(`anida más de ${MAX_INPUT_DEPTH} niveles`);
  });

  it('finds the path to the first value nested too deep, without recursion', () => {
    expect(tooDeeplyNested({ a: [{ b: 1 }] })).toBeUndefined();
    expect(tooDeeplyNested(nestedObjects(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(tooDeeplyNested(nestedObjects(MAX_INPUT_DEPTH + 1))).toEqual(Array(MAX_INPUT_DEPTH).fill('a'));
    expect(tooDeeplyNested({ x: 'y', deep: nestedArrays(100_000) })?.[0]).toBe('deep');
  });

  it('names the character refused in an item of a list, as in a single field', async () => {
    const convened = { date: '2027-01-20', kind: 'ordinaria', convokedOn: '2026-12-03' };
    const inList = await refusal(ConveneSessionDto, { ...convened, agenda: ['Punto uno', 'Dos\rURL:http://evil.example/'] });
    const inField = await refusal(ConveneSessionDto, { ...convened, agenda: ['Punto uno'], place: 'Sala\rURL:http://evil.example/' });

    expect(inList).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'agenda' }] });
    expect(inList?.message).toContain('contiene un carácter no admitido (U+000D)');
    expect(inField?.message).toContain('contiene un carácter no admitido (U+000D)');
  });

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

  it('says a word typed where a number goes is not a whole number, not that it is over the maximum', async () => {
    const mechanism = (progressReportMonths: unknown) => ({ mechanism: { template: 'minimos_guia', progressReportMonths }, adoptedOn: '2026-11-10', historical: { justification: 'Acta de 2025' } });

    const word = await refusal(AdoptGovernanceMechanismDto, mechanism('tres'));
    const tooMany = await refusal(AdoptGovernanceMechanismDto, mechanism(13));

    expect(word?.errors).toEqual([{ field: 'mechanism.progressReportMonths', message: 'debe ser un número entero' }]);
    expect(tooMany?.errors).toEqual([{ field: 'mechanism.progressReportMonths', message: 'admite como máximo 12' }]);
  });

  it('refuses a date before the programme began (2015-01-01), in any field', async () => {
    const problem = await refusal(StartExerciseDto, { entidad: '31', startedOn: '1900-01-01' });

    expect(problem).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'startedOn' }] });
    expect(problem?.message).toContain('no puede ser anterior al 2015-01-01');
    expect(await refusal(StartExerciseDto, { entidad: '31', startedOn: '2015-01-01' })).toBeUndefined();
  });

  it('refuses a session more than two years ahead', async () => {
    const session = { kind: 'ordinaria', convokedOn: '2026-01-05', agenda: ['Asuntos generales'] };

    const problem = await refusal(ConveneSessionDto, { ...session, date: '9999-12-31' });

    expect(problem).toMatchObject({ errors: [{ field: 'date' }] });
    expect(problem?.message).toContain('más de 2 años posterior a hoy');
    expect(await refusal(ConveneSessionDto, { ...session, date: '2026-03-10' })).toBeUndefined();
  });
});

describe('characters that must never reach the store (issue 13, "one character wedges a workflow for ever")', () => {
  it.each([
    ['a NUL in an evidence link', { completedOn: '2026-12-01', evidence: ['https://ejemplo.org/acta\u0000.pdf'] }, 'evidence.0', 'U+0000'],
    ['a lone surrogate in the justification', { completedOn: '2026-12-01', justification: 'acta \ud800' }, 'justification', 'U+D800'],
    ['a C1 control character', { completedOn: '2026-12-01', justification: 'acta \u0085' }, 'justification', 'U+0085'],
    ['a non-character', { completedOn: '2026-12-01', justification: 'acta \uffff' }, 'justification', 'U+FFFF'],
    ['a NUL in a field name', { completedOn: '2026-12-01', ['evi\u0000dence']: [] }, 'evi\u0000dence', 'U+0000'],
  ])('refuses %s with 400 naming the field and the character', async (_name, body, field, character) => {
    const problem = await refusal(CompleteStageDto, body);

    expect(problem).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', errors: [{ field }] });
    expect(problem?.message).toContain(character);
  });

  it('admits line breaks and tabs only where a text is written as paragraphs', async () => {
    const paragraphs = { completedOn: '2026-12-01', justification: 'Primero.\n\tSegundo.\r\nTercero.' };
    expect(await refusal(CompleteStageDto, paragraphs)).toBeUndefined();

    const subjectOnTwoLines = { subject: 'Aprobación\ndel calendario', approved: true };
    expect((await refusal(RecordDecisionDto, subjectOnTwoLines))?.errors).toContainEqual({
      field: 'subject',
      message: expect.stringContaining('U+000A'),
    });
  });

  it('admits every printable letter of Spanish and emoji made of surrogate pairs', async () => {
    expect(await refusal(CompleteStageDto, { completedOn: '2026-12-01', justification: 'Año, acción, pingüino ¿sí? ¡Listo! 👍' })).toBeUndefined();
  });
});
