import { FIRING_SLACK_MS, faultSchedule, latestFiring, outageStretches, parseFaults } from './fault-schedule';

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

describe('how late a firing may be in a chaos run', () => {
  const seconds = (fromS: number, toS: number) => ({ fromMs: fromS * 1000, toMs: toS * 1000 });
  const at = (s: number) => s * 1000;

  it('allows the slack alone after an instant when everything was up, however long the outages elsewhere', () => {
    expect(latestFiring([])(at(50))).toBe(at(50) + FIRING_SLACK_MS);
    // Seed 4's schedule kept Temporal down on and off for 180 s; a deadline due long after must still fire on time.
    const latest = latestFiring([seconds(116, 300)]);
    expect(latest(at(500))).toBe(at(500) + FIRING_SLACK_MS);
  });

  it('allows the slack after the end of the outage a deadline fell due in, or was still being fired when it began', () => {
    const latest = latestFiring([seconds(10, 15), seconds(300, 340)]);

    expect(latest(at(12))).toBe(at(15) + FIRING_SLACK_MS);
    expect(latest(at(250))).toBe(at(340) + FIRING_SLACK_MS);
    expect(latest(at(150))).toBe(at(150) + FIRING_SLACK_MS);
  });

  it('takes outages closer than the slack as one stretch (chaos seed 1: worker kills at 64, 93, 129 s, Temporal at 163 s)', () => {
    // The measured windows of that run, each worker 20–40 s to poll again: due during the first, fired after the last.
    const windows = [seconds(64, 90), seconds(93, 125), seconds(129, 160), seconds(163, 190)];
    expect(outageStretches(windows)).toEqual([seconds(64, 190)]);

    // The five twelve-months warnings of that run, due at 45 s, were 129–137 s late, caught up as soon as the last worker polled.
    expect(latestFiring(windows)(at(45))).toBe(at(190) + FIRING_SLACK_MS);
    expect(outageStretches([seconds(64, 90), seconds(300, 320)])).toEqual([seconds(64, 90), seconds(300, 320)]);
  });
});
