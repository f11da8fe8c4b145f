import { In } from 'typeorm';
import { ALL_ENTIDADES } from './entidad-access';
import { entidadWhere, readScope } from './read-scope';

describe('readScope: the states a per-state read may return', () => {
  it('leaves the coordinación unfiltered, or narrowed to the state it asked for', () => {
    expect(readScope(ALL_ENTIDADES)).toEqual({});
    expect(readScope(ALL_ENTIDADES, '14')).toEqual({ entidades: ['14'] });
  });

  it('keeps an account to its own states, and to the one it asked for among them', () => {
    expect(readScope(['14', '29'])).toEqual({ entidades: ['14', '29'] });
    expect(readScope(['14', '29'], '29')).toEqual({ entidades: ['29'] });
  });

  it('matches nothing for a foreign state or an account that reads none', () => {
    expect(readScope(['14'], '02')).toBeNull();
    expect(readScope([])).toBeNull();
    expect(readScope([], '14')).toBeNull();
  });

  it('turns into a where clause on the entidad column', () => {
    expect(entidadWhere({})).toEqual({});
    expect(entidadWhere({ entidades: ['14'] })).toEqual({ entidad: '14' });
    expect(entidadWhere({ entidades: ['14', '29'] })).toEqual({ entidad: In(['14', '29']) });
  });
});
