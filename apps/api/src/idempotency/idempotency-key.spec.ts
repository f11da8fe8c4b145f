import { type ApiProblem } from '../errors/api-problem';
import { idempotencyKeyOf, updateIdFor } from './idempotency-key';
import { canonicalJson, requestFingerprint } from './request-fingerprint';

function refusal(header: string | string[]): ApiProblem {
  try {
    idempotencyKeyOf(header);
  } catch (error) {
    return error as ApiProblem;
  }
  throw new Error(`${JSON.stringify(header)} was accepted`);
}

describe('Idempotency-Key: 1–255 visible ASCII characters', () => {
  it('takes a UUID, a quoted key as sent by the IETF draft, and a key of 255 characters', () => {
    expect(idempotencyKeyOf('5f0c2a7e-8d1b-4c43-9a51-2f7b8e6d1c90')).toBe('5f0c2a7e-8d1b-4c43-9a51-2f7b8e6d1c90');
    expect(idempotencyKeyOf('"8e03978e-40d5"')).toBe('"8e03978e-40d5"');
    expect(idempotencyKeyOf('k'.repeat(255))).toHaveLength(255);
  });

  it('means no key when the header is absent', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a space', 'dos claves'],
    ['a non-ASCII letter', 'acción-1'],
    ['a control character', 'clave\u0001'],
    ['two headers', ['a', 'b']],
  ])('refuses %s with 400 IDEMPOTENCY_KEY_INVALID and a Spanish message', (_case, header) => {
    const problem = refusal(header);
    expect(problem.getStatus()).toBe(400);
    expect(problem.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', header: 'Idempotency-Key' });
    expect(problem.body.message).toMatch(/^El encabezado Idempotency-Key debe tener/);
  });
});

describe('the Update id of a key', () => {
  const firstSeen = new Date('2026-12-03T01:00:00Z');

  it('names the account and the key, and when the key was first seen', () => {
    expect(updateIdFor('garante-14', 'abc', firstSeen)).toBe(`garante-14:abc@${firstSeen.getTime().toString(36)}`);
    expect(updateIdFor('garante-14', 'abc', new Date(firstSeen.getTime() + 1))).not.toBe(updateIdFor('garante-14', 'abc', firstSeen));
  });

  it('is a hash, still prefixed by the account, when it would pass 255 characters', () => {
    const id = updateIdFor('coordinador', 'k'.repeat(255), firstSeen);
    expect(id).toMatch(/^coordinador:sha256-[0-9a-f]{64}$/);
    expect(updateIdFor('coordinador', 'k'.repeat(254) + 'j', firstSeen)).not.toBe(id);
  });
});

describe('the fingerprint of a request', () => {
  const convocation = {
    method: 'POST',
    route: '/api/stls/:entidad/sessions',
    params: { entidad: '25' },
    query: {},
    body: { date: '2027-01-20', kind: 'ordinaria', agenda: ['Informe', 'PAL'] },
  };

  it('ignores the order of the fields, never the order of a list', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":[2,1]}');
    const reordered = { ...convocation, body: { agenda: ['Informe', 'PAL'], kind: 'ordinaria', date: '2027-01-20' } };
    expect(requestFingerprint(reordered)).toBe(requestFingerprint(convocation));
    const swapped = { ...convocation, body: { ...convocation.body, agenda: ['PAL', 'Informe'] } };
    expect(requestFingerprint(swapped)).not.toBe(requestFingerprint(convocation));
  });

  it('tells apart the method, the route, the parameters and the body', () => {
    const fingerprint = requestFingerprint(convocation);
    expect(requestFingerprint({ ...convocation, method: 'PUT' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...convocation, route: '/api/stls/:entidad/members' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...convocation, params: { entidad: '27' } })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...convocation, body: { ...convocation.body, date: '2027-01-21' } })).not.toBe(fingerprint);
  });
});
