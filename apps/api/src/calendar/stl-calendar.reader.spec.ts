import { nonWorkingDaysOf } from './stl-calendar.reader';

describe('nonWorkingDaysOf: the list an event leaves in force', () => {
  it('reads the registration and the replacements', () => {
    expect(nonWorkingDaysOf({ type: 'StlRegistered', data: { entidad: '14', extraNonWorkingDays: ['2026-12-24'] } })).toEqual(['2026-12-24']);
    expect(nonWorkingDaysOf({ type: 'NonWorkingDaysSet', data: { dates: ['2027-03-25', '2027-03-26'] } })).toEqual(['2027-03-25', '2027-03-26']);
    expect(nonWorkingDaysOf({ type: 'NonWorkingDaysSet', data: { dates: [] } })).toEqual([]);
  });

  it('treats a registration recorded before the field existed as no days', () => {
    expect(nonWorkingDaysOf({ type: 'StlRegistered', data: { entidad: '14' } })).toEqual([]);
    expect(nonWorkingDaysOf({ type: 'StlRegistered', data: null })).toEqual([]);
  });
});
