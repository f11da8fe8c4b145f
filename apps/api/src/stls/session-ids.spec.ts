import { nextSessionId } from './session-ids';

describe('nextSessionId: <date>-<n>', () => {
  it('starts at 1 and follows the highest number given for that date', () => {
    expect(nextSessionId('2027-02-10', [])).toBe('2027-02-10-1');
    expect(nextSessionId('2027-02-10', ['2027-02-10-1', '2027-02-10-3'])).toBe('2027-02-10-4');
  });

  it('ignores other dates and ids it did not give', () => {
    expect(nextSessionId('2027-02-10', ['sesion-1', '2027-02-11-7', '2027-02-10-x', '2027-02-10-01', '2027-02-10-'])).toBe('2027-02-10-1');
  });
});
