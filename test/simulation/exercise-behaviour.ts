import { COMMITMENT_COMPLETIONS, daysBetween, addMonths, type CommitmentInput } from '@app/domain';
import { CINCO_COMPROMISOS } from '../scenarios/full-exercise';
import { type StateTimeline } from './scenario';
import { type SeededRandom } from './seeded-random';

const MICROSITIO = 'https://micrositio.ejemplo.org.mx/gobierno-abierto';

/** What the STL's behaviour needs to know of an exercise: from when sessions can be held. */
export interface ExerciseOutline {
  readonly installedOnDay: number;
  readonly endDay: number;
}

/** A gap between two acts: now and then nobody acts for weeks, so that stall reminders and escalations must fire. */
function gap(random: SeededRandom, usual: [number, number]): number {
  return random.chance(0.12) ? random.int(35, 70) : random.int(...usual);
}

/**
 * The ten stages (guia-instalacion-stl.txt, Anexo 1), with now and then a justified skip or merge, and a skip without
 * justification that the rules refuse before the stage is done properly. Returns the day stage 10 completed.
 */
function driveStages(timeline: StateTimeline, random: SeededRandom, number: number, startDay: number): number {
  let day = startDay;
  let stage = 1;
  while (stage <= 10) {
    day += gap(random, [4, 25]);
    const completedOn = timeline.dateOf(day);
    const evidence = [`${MICROSITIO}/etapa-${stage}.pdf`];
    if (stage < 9 && random.chance(0.04)) {
      timeline.exercise(day, 10, number, { type: 'CompleteStage', data: { stage: stage + 1, completedOn, evidence } });
    }
    if (stage < 9 && random.chance(0.05)) {
      const justification = 'El Grupo Promotor ya contaba con el respaldo político al iniciar (acta de la reunión).';
      timeline.exercise(day, 11, number, { type: 'CompleteStage', data: { stage: stage + 1, completedOn, evidence, justification } });
      stage += 2;
    } else if (stage < 10 && random.chance(0.05)) {
      const justification = 'Ambas etapas se atendieron en una misma reunión del Grupo Promotor.';
      timeline.exercise(day, 11, number, {
        type: 'CompleteStage',
        data: { stage, completedOn, evidence, justification, mergedWith: [stage + 1] },
      });
      stage += 2;
    } else {
      timeline.exercise(day, 11, number, { type: 'CompleteStage', data: { stage, completedOn, evidence } });
      stage += 1;
    }
  }
  return day;
}

/** Fewer than the 2015 minimum and no Follow the Money: refused at launch or at definition. */
const TRES_COMPROMISOS: readonly CommitmentInput[] = CINCO_COMPROMISOS.slice(0, 3);

function launchPal(timeline: StateTimeline, random: SeededRandom, number: number, fromDay: number): number {
  let day = fromDay + gap(random, [2, 10]);
  timeline.exercise(day, 12, number, {
    type: 'RecordGovernanceMechanism',
    data: { adoptedOn: timeline.dateOf(day), documentUrl: `${MICROSITIO}/mg.pdf` },
  });
  day += random.int(1, 10);
  timeline.exercise(day, 12, number, {
    type: 'RecordAnnualAgenda',
    data: { adoptedOn: timeline.dateOf(day), documentUrl: `${MICROSITIO}/agenda.pdf` },
  });
  day += gap(random, [5, 25]);
  if (random.chance(0.25)) {
    timeline.exercise(day, 12, number, { type: 'DefineCommitments', data: { commitments: TRES_COMPROMISOS } });
    day += random.int(3, 15);
  }
  timeline.exercise(day, 12, number, { type: 'DefineCommitments', data: { commitments: CINCO_COMPROMISOS } });
  timeline.exercise(day, 13, number, {
    type: 'CompleteStep',
    data: { step: 4, completedOn: timeline.dateOf(day), evidence: [`${MICROSITIO}/mesas.pdf`] },
  });
  day += random.int(1, 7);
  if (random.chance(0.1)) {
    timeline.exercise(day, 9, number, { type: 'LaunchPal', data: { launchedOn: timeline.dateOf(day), commitments: TRES_COMPROMISOS } });
  }
  timeline.exercise(day, 10, number, { type: 'LaunchPal', data: { launchedOn: timeline.dateOf(day), evidence: [`${MICROSITIO}/pal.pdf`] } });
  return day;
}

/** The PAL's year: progress reports, the six-month monitoring and the evaluation, each now and then late. */
function followPal(timeline: StateTimeline, random: SeededRandom, number: number, launchDay: number): number {
  const launchedOn = timeline.dateOf(launchDay);
  const monthsIn = (months: number) => launchDay + daysBetween(launchedOn, addMonths(launchedOn, months));
  const evaluationDay = monthsIn(12) + (random.chance(0.2) ? random.int(1, 40) : 0);
  for (let day = launchDay + random.int(30, 80); day < evaluationDay; day += random.int(30, 90)) {
    const commitment = random.pick(CINCO_COMPROMISOS);
    timeline.exercise(day, 15, number, {
      type: 'UpdateCommitmentProgress',
      data: { commitmentId: commitment.id, completion: random.pick(COMMITMENT_COMPLETIONS), reportedOn: timeline.dateOf(day) },
    });
  }
  const monitoringDay = monthsIn(6) + (random.chance(0.2) ? random.int(1, 40) : 0);
  timeline.exercise(monitoringDay, 14, number, {
    type: 'RecordMonitoring',
    data: { completedOn: timeline.dateOf(monitoringDay), summary: 'Avance conforme al PAL.', micrositioUrl: MICROSITIO },
  });
  timeline.exercise(evaluationDay, 14, number, {
    type: 'RecordEvaluation',
    data: { completedOn: timeline.dateOf(evaluationDay), summary: 'Evaluación de desempeño del PAL.' },
  });
  return evaluationDay;
}

/** Exercise after exercise until the horizon: each a year of PAL after its installation, then a pause. */
export function exercisesOfState(timeline: StateTimeline, random: SeededRandom, firstDay: number): ExerciseOutline[] {
  const outlines: ExerciseOutline[] = [];
  let day = firstDay;
  for (let number = 1; day <= timeline.lastDay; number += 1) {
    timeline.exercise(day, 9, number, { type: 'StartExercise', data: { entidad: timeline.entidad, number, startedOn: timeline.dateOf(day) } });
    const declaredDay = day + random.int(1, 10);
    timeline.exercise(declaredDay, 10, number, {
      type: 'CompleteStep',
      data: { step: 1, completedOn: timeline.dateOf(declaredDay), evidence: [`${MICROSITIO}/declaracion.pdf`] },
    });
    const installedOnDay = driveStages(timeline, random, number, declaredDay);
    const endDay = followPal(timeline, random, number, launchPal(timeline, random, number, installedOnDay));
    outlines.push({ installedOnDay, endDay });
    day = endDay + random.int(30, 120);
  }
  return outlines;
}
