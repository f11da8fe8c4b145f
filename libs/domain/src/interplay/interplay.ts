import { type ExerciseEvent } from '../exercise/exercise-events';
import { type StlStatusReport } from '../exercise/exercise-commands';
import { type InstallStl, type RenewCivilSociety } from '../stl/stl-commands';
import { type StlSummary } from '../stl/stl-summary';

/** A command one aggregate's facts ask of the other; the workflows deliver it as a signal. */
export type StlRequest = Pick<InstallStl, 'type' | 'data'> | Pick<RenewCivilSociety, 'type' | 'data'>;

const INSTALLATION_STAGE = 10;

/**
 * What the STL must do after an exercise's events: stage 10 ("Instalación del STL", guia-instalacion-stl.txt,
 * Anexo 1) installs it, and the PAL's end renews its civil-society representation (mecanismo-gobernanza-edomex.md).
 */
export function stlRequestsFor(events: readonly ExerciseEvent[]): StlRequest[] {
  return events.flatMap((event): StlRequest[] => {
    switch (event.type) {
      case 'StageCompleted': {
        const installs = event.data.stage === INSTALLATION_STAGE || event.data.mergedWith?.includes(INSTALLATION_STAGE);
        return installs ? [{ type: 'InstallStl', data: { installedOn: event.data.completedOn } }] : [];
      }
      case 'EvaluationDue':
        return [{ type: 'RenewCivilSociety', data: { palEndedOn: event.data.stlRenewal.palEndedOn } }];
      default:
        return [];
    }
  });
}

/** What an exercise needs to know of its STL (installation, facilitador, cadence), from the STL's summary. */
export function stlStatusReport(summary: StlSummary): StlStatusReport {
  return {
    ...(summary.installedOn && { installedOn: summary.installedOn }),
    facilitador: summary.facilitador ? { nombre: summary.facilitador.nombre } : null,
    ...(summary.lastSessionOn && { lastSessionOn: summary.lastSessionOn }),
    ...(summary.nextSessionDueOn && { nextSessionDueOn: summary.nextSessionDueOn }),
  };
}
