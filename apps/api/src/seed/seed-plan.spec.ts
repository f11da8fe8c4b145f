import { addDays, addMonths, type LocalDate, STL_2017, TERM_MONTHS, TERM_WARNING_MONTHS } from '@app/domain';
import { seedPlan } from './seed-plan';

const DAY_MS = 86_400_000;

describe('seedPlan', () => {
  it('keeps the twelve months of the steps a week or more from the seed day, on every day of a year', () => {
    // A deadline due on the seed day is history or news depending on the hour the seed runs: the e-mails of a
    // fresh start (and the test that reads them) would change with the time of day.
    const closest: { day: LocalDate; entidad: string; gapDays: number }[] = [];
    for (let offset = 0; offset < 366; offset += 1) {
      const today = addDays('2027-01-01', offset);
      STL_2017.forEach((record, index) => {
        const { exercise } = seedPlan(record, index, today, `${today}T18:00:00.000Z`);
        for (const months of [TERM_WARNING_MONTHS, TERM_MONTHS]) {
          const gapDays = (Date.parse(addMonths(exercise.startedOn, months)) - Date.parse(today)) / DAY_MS;
          if (Math.abs(gapDays) < 7) closest.push({ day: today, entidad: record.entidad, gapDays });
        }
      });
    }
    expect(closest).toEqual([]);
  });
});
