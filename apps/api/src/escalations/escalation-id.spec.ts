import { entidadOfEscalationParam, escalationResourceId, escalationSource, parseEscalationResourceId } from './escalation-id';

describe('escalation ids in URLs', () => {
  it('travel as base64url of `<stream id>#<escalation id>`, whatever the escalation id holds', () => {
    const rowId = 'stl/20#vacante:2026-05-01:escalamiento:1';
    const id = escalationResourceId(rowId);

    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseEscalationResourceId(id)).toEqual({
      rowId,
      streamId: 'stl/20',
      escalationId: 'vacante:2026-05-01:escalamiento:1',
      entidad: '20',
      source: 'stl',
    });
  });

  it('name the exercise that raised a stall', () => {
    const id = escalationResourceId('exercise/14/2#stall:2026-01-10:coordinador');

    expect(parseEscalationResourceId(id)).toMatchObject({ streamId: 'exercise/14/2', entidad: '14', source: 'exercise' });
    expect(entidadOfEscalationParam(id)).toBe('14');
  });

  it.each([
    ['not base64url', 'no es+base64/'],
    ['no separator', escalationResourceId('stl/20')],
    ['no escalation id', escalationResourceId('stl/20#')],
    ['unknown stream', escalationResourceId('auditoria/20#x')],
    ['a state outside the 32', escalationResourceId('stl/33#x')],
    ['non-canonical padding', `${escalationResourceId('stl/20#x')}=`],
    ['empty', ''],
  ])('refuse %s', (_case, value) => {
    expect(parseEscalationResourceId(value)).toBeUndefined();
    expect(entidadOfEscalationParam(value)).toBeUndefined();
  });

  it('tell which workflow a stream is', () => {
    expect(escalationSource('exercise/05/1')).toEqual({ entidad: '05', source: 'exercise' });
    expect(escalationSource('stl/05')).toEqual({ entidad: '05', source: 'stl' });
    expect(escalationSource('stl/5')).toBeUndefined();
  });
});
