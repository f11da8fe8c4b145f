import { faultSchedule, parseFaults } from './fault-schedule';

describe('the fault schedule of a chaos run', () => {
  it('is the same for the same seed, one fault at a time, the last starting within three quarters of the run', () => {
    const schedule = faultSchedule(20261203, 180_000);

    expect(faultSchedule(20261203, 180_000)).toEqual(schedule);
    expect(schedule.at(-1)!.atMs).toBeLessThan(135_000);
    schedule.slice(1).forEach((fault, index) => {
      const previous = schedule[index];
      if (previous.kind !== 'smtp-outage') expect(fault.atMs).toBeGreaterThan(previous.atMs + previous.downMs);
    });
  });

  it("replays a schedule written out, such as CI's at seed 20261203: a worker killed, then Temporal restarted", () => {
    expect(parseFaults('temporal-restart@124+4.8, worker-sigkill-in-append@114+2.2')).toEqual([
      { kind: 'worker-sigkill-in-append', atMs: 114_000, downMs: 2_200 },
      { kind: 'temporal-restart', atMs: 124_000, downMs: 4_800 },
    ]);
  });

  it('refuses an unknown kind or a part without its instant and downtime', () => {
    expect(parseFaults('worker-sigterm@10+1')).toBeUndefined();
    expect(parseFaults('worker-sigkill@10')).toBeUndefined();
    expect(parseFaults('worker-sigkill@10+1,')).toBeUndefined();
  });
});
