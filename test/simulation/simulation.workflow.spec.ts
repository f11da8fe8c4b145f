import { simulate, summarize } from './simulation';

/**
 * Harness 1 of issue 15 in the test command: a bounded slice of the decade (`npm run simulate` runs the whole of it)
 * with a fixed seed, so a failure here is reproduced by `npm run simulate -- --seed 20261203 --states 4 --years 2`.
 */
describe('the seeded simulation, bounded', () => {
  it('keeps every invariant for 4 states over 2 years (seed 20261203)', async () => {
    const result = await simulate({ seed: 20261203, states: 4, years: 2 }, { codePath: process.env.TEST_WORKFLOW_BUNDLE! });
    const summary = summarize(result).join('\n');

    expect(result.report.violations).toEqual([]);
    expect(result.counts.failures).toEqual([]);
    // The run did what the scenario asked: commands went through, some were refused by the rules, deadlines fired.
    expect(result.counts.commands).toBeGreaterThan(200);
    expect(Object.keys(result.counts.refusals).length).toBeGreaterThan(0);
    expect(result.report.firings).toBeGreaterThan(20);
    expect(result.report.outboxRows).toBeGreaterThan(0);
    expect(summary).toContain('semilla 20261203');
  });
});
