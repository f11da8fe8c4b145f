import { namesPrototype } from './prototype-keys';

describe('query strings that name the prototype', () => {
  it.each([
    [{ orden: '__proto__' }],
    [{ __proto__x: 'a', constructor: 'b' }],
    [{ filtro: { prototype: '1' } }],
    [{ orden: ['entidad', '__proto__'] }],
  ])('are recognised: %j', (query) => {
    expect(namesPrototype(query)).toBe(true);
  });

  it('leave ordinary queries alone, also when they merely contain the words', () => {
    expect(namesPrototype({ orden: 'entidad', texto: 'constructora del proto' })).toBe(false);
    expect(namesPrototype({})).toBe(false);
  });

  it('find a key set through JSON, as a parser could produce it', () => {
    expect(namesPrototype(JSON.parse('{"__proto__": {"admin": true}}'))).toBe(true);
  });
});
