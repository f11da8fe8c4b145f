import { type RegisteredStl } from './stl-state';
import { command, decideOn, edomexInstalled, given, history, registerEdomex } from './testing/stl-fixtures';

describe('Civil-society renewal (cap. III, 3 d: se renovará al finalizar cada Plan de Acción Local)', () => {
  const renew = (palEndedOn = '2026-11-20') => command('RenewCivilSociety', { palEndedOn });
  const renewing = [...edomexInstalled, ...decideOn(edomexInstalled, [renew()])];

  it('starts when a PAL ends, listing the civil-society seats; the same PAL end again is a no-op', () => {
    const state = given(edomexInstalled)
      .when(renew())
      .then([
        { type: 'CivilSocietyRenewalStarted', data: { palEndedOn: '2026-11-20', seatIds: ['sc-1', 'sc-2'] } },
      ]) as RegisteredStl;
    expect(state.renewal).toEqual({ palEndedOn: '2026-11-20' });
    given(renewing).when(renew()).then([]);
  });

  it('completes once civil society has its titulares (re-elected or new)', () => {
    const state = given(renewing)
      .when(command('CompleteCivilSocietyRenewal', { completedOn: '2026-11-23' }))
      .then([
        { type: 'CivilSocietyRenewalCompleted', data: { completedOn: '2026-11-23', titularIds: ['sc-1', 'sc-2'] } },
      ]) as RegisteredStl;
    expect(state.renewal).toBeNull();
  });

  it('refuses another PAL end while one renewal is pending, dates in the future, or an STL not installed', () => {
    expect(given(renewing).when(renew('2026-11-21')).then('RENEWAL_ALREADY_PENDING').details).toEqual({
      palEndedOn: '2026-11-20',
    });
    given(edomexInstalled).when(renew('2026-12-20')).then('DATE_IN_FUTURE');
    given(history(registerEdomex)).when(renew()).then('STL_NOT_INSTALLED');
  });

  it('refuses to complete without renewal, before the PAL ended, in the future, or without a civil-society titular', () => {
    given(edomexInstalled)
      .when(command('CompleteCivilSocietyRenewal', { completedOn: '2026-11-23' }))
      .then('RENEWAL_NOT_PENDING');
    given(renewing)
      .when(command('CompleteCivilSocietyRenewal', { completedOn: '2026-11-19' }))
      .then('RENEWAL_BEFORE_PAL_END');
    given(renewing)
      .when(command('CompleteCivilSocietyRenewal', { completedOn: '2026-11-24' }))
      .then('DATE_IN_FUTURE');
    const emptied = [
      ...renewing,
      ...decideOn(
        renewing,
        ['sc-2', 'sc-1', 'sup-sc-1'].map((memberId) => command('ResignMember', { memberId, on: '2026-11-21' })),
      ),
    ];
    expect(
      given(emptied)
        .when(command('CompleteCivilSocietyRenewal', { completedOn: '2026-11-23' }))
        .then('MISSING_SECTOR_TITULAR').details,
    ).toEqual({
      missing: ['sociedad_civil'],
    });
  });
});
