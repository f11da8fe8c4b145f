import { exerciseStreamId, parseStreamId, stlStreamId } from './stream-ids';

describe('stream ids: one format, written and parsed in one place', () => {
  it('writes and reads back the id of every aggregate', () => {
    expect(parseStreamId(stlStreamId('14'))).toEqual({ aggregate: 'stl', entidad: '14' });
    expect(parseStreamId(exerciseStreamId('14', 2))).toEqual({ aggregate: 'exercise', entidad: '14', number: 2 });
    expect(exerciseStreamId('14', 2)).toBe('exercise/14/2');
  });

  it.each(['stl/33', 'stl/1', 'exercise/14/0', 'exercise/14', 'auditoria/1', 'stl/14/1', 'exercise/99/1'])('refuses %s', (id) => {
    expect(parseStreamId(id)).toBeUndefined();
  });
});
