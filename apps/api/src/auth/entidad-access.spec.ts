import { type UserRole } from '@app/persistence';
import {
  ALL_ENTIDADES,
  canAccess,
  canCommand,
  canHandleEscalations,
  canRead,
  commandableEntidades,
  type EntidadAccessKind,
  type EntidadScope,
  readableEntidades,
} from './entidad-access';

const coordinacion: EntidadScope = { role: 'coordinador', entidades: [] };
const enlaceOccidente: EntidadScope = { role: 'enlace', entidades: ['14', '20', '26', '29'] };
const garanteJalisco: EntidadScope = { role: 'garante', entidades: ['14'] };
const facilitadorJalisco: EntidadScope = { role: 'facilitador', entidades: ['14'] };
const integranteJalisco: EntidadScope = { role: 'integrante', entidades: ['14'] };

type Relation = 'own' | 'assigned' | 'foreign';

/** Jalisco (14) is everyone's own or assigned state; Oaxaca (20) is assigned to the enlace only; Baja California (02) is nobody's. */
const STATE_OF: Record<Relation, string> = { own: '14', assigned: '20', foreign: '02' };

const MATRIX: readonly [string, EntidadScope, Relation, { read: boolean; command: boolean }][] = [
  ['coordinador', coordinacion, 'own', { read: true, command: true }],
  ['coordinador', coordinacion, 'assigned', { read: true, command: true }],
  ['coordinador', coordinacion, 'foreign', { read: true, command: true }],
  ['enlace of 14, 20, 26, 29', enlaceOccidente, 'own', { read: true, command: true }],
  ['enlace of 14, 20, 26, 29', enlaceOccidente, 'assigned', { read: true, command: true }],
  ['enlace of 14, 20, 26, 29', enlaceOccidente, 'foreign', { read: false, command: false }],
  ['garante of 14', garanteJalisco, 'own', { read: true, command: true }],
  ['garante of 14', garanteJalisco, 'assigned', { read: false, command: false }],
  ['garante of 14', garanteJalisco, 'foreign', { read: false, command: false }],
  ['facilitador of 14', facilitadorJalisco, 'own', { read: true, command: true }],
  ['facilitador of 14', facilitadorJalisco, 'assigned', { read: false, command: false }],
  ['facilitador of 14', facilitadorJalisco, 'foreign', { read: false, command: false }],
  ['integrante of 14', integranteJalisco, 'own', { read: true, command: false }],
  ['integrante of 14', integranteJalisco, 'assigned', { read: false, command: false }],
  ['integrante of 14', integranteJalisco, 'foreign', { read: false, command: false }],
];

describe('who may read and command in which state', () => {
  const cases = MATRIX.map(([name, user, relation, expected]) => ({ name, user, relation, ...expected }));

  it.each(cases)('$name, $relation state: read $read, command $command', ({ user, relation, ...expected }) => {
    const entidad = STATE_OF[relation];

    expect(canRead(user, entidad)).toBe(expected.read);
    expect(canCommand(user, entidad)).toBe(expected.command);
    expect(canAccess(user, entidad, 'read')).toBe(expected.read);
    expect(canAccess(user, entidad, 'command')).toBe(expected.command);
  });

  it('covers every role', () => {
    const roles = new Set<UserRole>(MATRIX.map(([, user]) => user.role));

    expect([...roles].sort()).toEqual(['coordinador', 'enlace', 'facilitador', 'garante', 'integrante']);
  });

  it('never lets anyone command where they cannot read', () => {
    for (const [, user] of MATRIX) {
      for (const entidad of ['01', '14', '20', '32']) {
        if (canCommand(user, entidad)) expect(canRead(user, entidad)).toBe(true);
      }
    }
  });

  it.each<[EntidadAccessKind]>([['read'], ['command']])('knows no state outside the 32 (%s), not even for the coordinación', (kind) => {
    for (const entidad of ['00', '33', '', '14 ', 'exercise/14/1']) {
      expect(canAccess(coordinacion, entidad, kind)).toBe(false);
    }
  });
});

describe('who may acknowledge and resolve escalations', () => {
  const cases: readonly [string, EntidadScope, Relation, boolean][] = [
    ['coordinador', coordinacion, 'own', true],
    ['coordinador', coordinacion, 'foreign', true],
    ['enlace of 14, 20, 26, 29', enlaceOccidente, 'own', true],
    ['enlace of 14, 20, 26, 29', enlaceOccidente, 'assigned', true],
    ['enlace of 14, 20, 26, 29', enlaceOccidente, 'foreign', false],
    ['garante of 14', garanteJalisco, 'own', false],
    ['facilitador of 14', facilitadorJalisco, 'own', false],
    ['integrante of 14', integranteJalisco, 'own', false],
  ];

  it.each(cases)('%s, %s state: %s', (_name, user, relation, expected) => {
    expect(canHandleEscalations(user, STATE_OF[relation])).toBe(expected);
  });

  it('only where the account may also command, and never outside the 32 states', () => {
    for (const [, user] of MATRIX) {
      for (const entidad of ['01', '14', '20', '32']) {
        if (canHandleEscalations(user, entidad)) expect(canCommand(user, entidad)).toBe(true);
      }
    }
    expect(canHandleEscalations(coordinacion, '33')).toBe(false);
  });
});

describe('readable and commandable states', () => {
  it('are every state for the coordinación', () => {
    expect(readableEntidades(coordinacion)).toBe(ALL_ENTIDADES);
    expect(commandableEntidades(coordinacion)).toBe(ALL_ENTIDADES);
  });

  it('are the assigned states for an enlace', () => {
    expect(readableEntidades(enlaceOccidente)).toEqual(['14', '20', '26', '29']);
    expect(commandableEntidades(enlaceOccidente)).toEqual(['14', '20', '26', '29']);
  });

  it('are the own state for a garante and a facilitador', () => {
    expect(readableEntidades(garanteJalisco)).toEqual(['14']);
    expect(commandableEntidades(facilitadorJalisco)).toEqual(['14']);
  });

  it('are the own state to read and none to command for an integrante', () => {
    expect(readableEntidades(integranteJalisco)).toEqual(['14']);
    expect(commandableEntidades(integranteJalisco)).toEqual([]);
  });
});

describe('fails closed on accounts the database should never hold', () => {
  it('gives a single-state role with two states neither of them', () => {
    const garanteDeDos: EntidadScope = { role: 'garante', entidades: ['14', '20'] };

    expect(readableEntidades(garanteDeDos)).toEqual([]);
    expect(canRead(garanteDeDos, '14')).toBe(false);
    expect(canCommand(garanteDeDos, '20')).toBe(false);
  });

  it('gives a single-state role without a state nothing', () => {
    expect(canRead({ role: 'integrante', entidades: [] }, '14')).toBe(false);
  });

  it('ignores codes that are not states in an enlace list', () => {
    expect(readableEntidades({ role: 'enlace', entidades: ['14', '99'] })).toEqual(['14']);
  });

  it('gives an unknown role nothing', () => {
    const intruso = { role: 'administrador', entidades: ['14'] } as unknown as EntidadScope;

    expect(readableEntidades(intruso)).toEqual([]);
    expect(canRead(intruso, '14')).toBe(false);
  });
});
