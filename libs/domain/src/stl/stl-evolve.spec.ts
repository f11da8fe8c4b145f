import { type StlEvent } from './stl-events';
import { evolveStl } from './stl-evolve';
import { type RegisteredStl } from './stl-state';
import { sectorLabel } from './stl-terms';
import { STL_2017, toSeedRecord } from './stl-seed';
import {
  command,
  decideOn,
  edomexInstalled,
  given,
  history,
  installEdomex,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

describe('evolveStl: folding histories it did not write itself', () => {
  const installed = stateOf(edomexInstalled) as RegisteredStl;

  it('ignores events before the registration', () => {
    const unregistered = { status: 'unregistered' as const };
    expect(evolveStl(unregistered, { type: 'MemberResigned', data: { memberId: 'gob-1', on: '2026-10-01' } })).toBe(
      unregistered,
    );
  });

  it('leaves the state as it is for an event type it does not know (a newer writer)', () => {
    expect(evolveStl(installed, { type: 'StlDissolved', data: {} } as unknown as StlEvent)).toBe(installed);
  });

  it.each<StlEvent>([
    { type: 'SessionCancelled', data: { sessionId: 'nope', cancelledOn: '2026-10-01', reason: 'x' } },
    {
      type: 'VacancyOpened',
      data: { seatId: 'nope', sector: 'gobierno', role: 'titular', how: 'convocatoria', on: '2026-10-01' },
    },
    { type: 'SuplentePromoted', data: { seatId: 'nope', memberId: 'nadie', formerTitularId: 'x', on: '2026-10-01' } },
    { type: 'MemberResigned', data: { memberId: 'nadie', on: '2026-10-01' } },
  ])('ignores $type about something that does not exist', (event) => {
    expect(evolveStl(installed, event)).toEqual(installed);
  });

  it('a rejected removal of a suplente leaves the seat’s absence count alone', () => {
    const proposed = [
      ...edomexInstalled,
      {
        type: 'RemovalProposed' as const,
        data: { memberId: 'sup-gob-1', cause: 'probidad' as const, proposedOn: '2026-10-01' },
      },
    ];
    const state = evolveStl(stateOf(proposed), {
      type: 'RemovalDecided',
      data: { memberId: 'sup-gob-1', approved: false, sessionId: 's1', decidedOn: '2026-10-02' },
    }) as RegisteredStl;
    expect(state.removalProposals).toEqual({});
    expect(state.seats['gob-1']).toEqual(installed.seats['gob-1']);
  });
});

describe('test and data helpers', () => {
  it('history and decideOn stop at the first refused command, naming it', () => {
    expect(() => history(installEdomex)).toThrow('InstallStl: STL_NOT_REGISTERED');
    expect(() =>
      decideOn(history(registerEdomex), [command('ResignMember', { memberId: 'x', on: '2026-09-01' })]),
    ).toThrow('ResignMember: UNKNOWN_MEMBER');
    expect(given().state).toEqual({ status: 'unregistered' });
  });

  it('refuses a malformed seed record (bundled data is checked when loaded)', () => {
    expect(() => toSeedRecord({ ...STL_2017[0], decisionRule: 'mayoria' } as never)).toThrow(
      'Registro inválido en stl-2017.json: 02',
    );
  });

  it('names the fourth sector by its declared name', () => {
    expect(sectorLabel('adicional', 'Organismos autónomos')).toBe('Organismos autónomos');
    expect(sectorLabel('adicional', null)).toBe('sector adicional');
  });
});
