import { generateScenario } from './scenario-generator';

describe('the seeded scenario generator', () => {
  it('gives the same scenario for the same seed, exactly', () => {
    expect(generateScenario({ seed: 42, states: 8, years: 3 })).toEqual(generateScenario({ seed: 42, states: 8, years: 3 }));
  });

  it('gives another scenario for another seed', () => {
    expect(generateScenario({ seed: 43, states: 8, years: 3 }).steps).not.toEqual(generateScenario({ seed: 42, states: 8, years: 3 }).steps);
  });

  it('keeps a state\'s behaviour when more states are simulated', () => {
    const jalisco = (states: number) => generateScenario({ seed: 7, states, years: 2 }).steps.filter((step) => step.entidad === '14');
    expect(jalisco(32)).toEqual(jalisco(14));
  });

  it('plays a state named alone exactly as in the full run (stl/02 of seed 1\'s decade)', () => {
    const alone = generateScenario({ seed: 1, states: 32, entidades: ['02'], years: 10 });
    const full = generateScenario({ seed: 1, states: 32, years: 10 });
    expect(alone.states).toEqual(['02']);
    expect(alone.steps).toEqual(full.steps.filter((step) => step.entidad === '02'));
    expect(alone.until).toBe(full.until);
  });

  it('orders the steps in the calendar and covers the behaviours of the issue', () => {
    const { steps } = generateScenario({ seed: 1, states: 32, years: 10 });
    const moments = steps.map((step) => `${step.on}T${String(step.hour).padStart(2, '0')}`);
    expect(moments).toEqual([...moments].sort());
    const types = new Set(steps.map((step) => step.command.type));
    for (const type of ['StartExercise', 'CompleteStage', 'LaunchPal', 'UpdateCommitmentProgress', 'RecordMonitoring', 'RecordEvaluation',
      'ConveneSession', 'RecordAttendance', 'RecordDecision', 'ApproveMinutes', 'ResignMember', 'VacateFacilitador', 'AppointFacilitador', 'CompleteCivilSocietyRenewal']) {
      expect(types).toContain(type);
    }
    const stages = steps.flatMap((step) => (step.command.type === 'CompleteStage' ? [step.command.data] : []));
    expect(stages.some((stage) => stage.mergedWith)).toBe(true);
    expect(stages.some((stage) => stage.justification && !stage.mergedWith)).toBe(true);
    const periods = steps.flatMap((step) => (step.command.type === 'AdoptGovernanceMechanism' ? [step.command.data.mechanism.progressReportMonths] : []));
    expect(new Set(periods)).toEqual(new Set([undefined, 1, 3, 4, 6]));
    // Every STL adopts its own mechanism: its exercises' step 3 waits for it.
    expect(periods).toHaveLength(32);
  });
});
