import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allocateStates, E2E_STATES, statesOf } from './e2e-states';

describe('e2e state allocation: each file its own states on the shared system', () => {
  it('refuses a state held by two files, naming both', () => {
    expect(() => allocateStates({ escalations: { tlaxcala: '29' }, 'authorization-matrix': { own: '29' } })).toThrow(
      'States allocated to more than one e2e file: 29 (escalations.tlaxcala and authorization-matrix.own)',
    );
  });

  it('refuses one file holding a state under two names', () => {
    expect(() => allocateStates({ stls: { jalisco: '14', other: '14' } })).toThrow('14 (stls.jalisco and stls.other)');
  });

  it('accepts disjoint states', () => {
    const table = { calendar: { withStl: '10' }, metrics: { tamaulipas: '28' } } as const;
    expect(allocateStates(table)).toBe(table);
  });

  it('hands a file only its own states', () => {
    expect(statesOf('metrics', '/repo/test/metrics.e2e-spec.ts')).toEqual({ tamaulipas: '28' });
    expect(() => statesOf('metrics', '/repo/test/stls.e2e-spec.ts')).toThrow('stls asked for the states of metrics');
  });

  it('names only e2e and browser files that exist', () => {
    const exists = (file: string) =>
      existsSync(join(__dirname, '..', `${file}.e2e-spec.ts`)) || existsSync(join(__dirname, '..', 'browser', `${file}.browser-spec.ts`));
    const missing = Object.keys(E2E_STATES).filter((file) => !exists(file));
    expect(missing).toEqual([]);
  });
});
