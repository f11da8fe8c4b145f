import { fechaDeInstante, fechaLarga, fechaYHora } from './spanish-dates';

describe('Spanish dates on the board (d de mes de aaaa)', () => {
  it.each([
    ['2026-11-13', '13 de noviembre de 2026'],
    ['2027-01-01', '1 de enero de 2027'],
    ['2026-09-16', '16 de septiembre de 2026'],
    ['2024-02-29', '29 de febrero de 2024'],
  ])('%s → %s', (date, text) => {
    expect(fechaLarga(date)).toBe(text);
  });

  it('shows a dash for a missing or malformed date', () => {
    expect(fechaLarga(undefined)).toBe('—');
    expect(fechaLarga(null)).toBe('—');
    expect(fechaLarga('2026-02-30')).toBe('—');
    expect(fechaYHora(undefined)).toBe('—');
    expect(fechaDeInstante('no es fecha')).toBe('—');
  });

  it('reads instants in Mexico City time', () => {
    // 03:00 UTC on the 14th is still the 13th, 21:00, in Mexico City (UTC−6).
    expect(fechaDeInstante('2026-11-14T03:00:00.000Z')).toBe('13 de noviembre de 2026');
    expect(fechaYHora(new Date('2026-11-13T15:05:00.000Z'))).toBe('13 de noviembre de 2026, 09:05');
  });
});
