import { simulate, summarize } from './simulation';

/**
 * Harness 1 of issue 15 in the test command: the whole country over two years of the decade (`npm run simulate` runs
 * all ten), with a fixed seed, on eight time-skipping servers with their own clocks; a failure here is reproduced by
 * `npm run simulate -- --seed 20261203 --states 32 --years 2 --shards 8` (about 4 minutes on two busy cores).
 */
describe('the seeded simulation, bounded', () => {
  it('keeps every invariant for 32 states over 2 years (seed 20261203)', async () => {
    const result = await simulate({ seed: 20261203, states: 32, years: 2, shards: 8 }, { codePath: process.env.TEST_WORKFLOW_BUNDLE! });
    const summary = summarize(result).join('\n');

    expect(result.report.violations).toEqual([]);
    expect(result.counts.failures).toEqual([]);
    // The run did what the scenario asked: commands went through, some were refused by the rules, deadlines fired.
    expect(result.counts.commands).toBeGreaterThan(2_000);
    expect(Object.keys(result.counts.refusals).length).toBeGreaterThan(0);
    expect(result.report.firings).toBeGreaterThan(500);
    expect(result.report.outboxRows).toBeGreaterThan(0);
    expect(summary).toContain('semilla 20261203');
  }, 900_000);
});
