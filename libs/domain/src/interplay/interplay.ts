import { type ExerciseEvent } from '../exercise/exercise-events';
import { type StlStatusReport } from '../exercise/exercise-commands';
import { type InstallStl, type RenewCivilSociety } from '../stl/stl-commands';
import { type IncidentData } from '../shared/escalation';
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
export function stlStatusReport(summary: StlSummary, stlVersion?: number): StlStatusReport {
  return {
    ...(stlVersion !== undefined && { stlVersion }),
    ...(summary.installedOn && { installedOn: summary.installedOn }),
    // The appointment dates step 3 (the facilitador elected), not the day the report arrives.
    facilitador: summary.facilitador
      ? { nombre: summary.facilitador.nombre, appointedOn: summary.facilitador.appointedOn }
      : null,
    ...(summary.lastSessionOn && { lastSessionOn: summary.lastSessionOn }),
    ...(summary.nextSessionDueOn && { nextSessionDueOn: summary.nextSessionDueOn }),
  };
}

/** What each act between the workflows is, in the coordinación's words. */
const INTERPLAY_ACTS: Readonly<Record<string, string>> = {
  InstallStl: 'la instalación del STL al concluir la etapa 10',
  RenewCivilSociety: 'la renovación de la representación de sociedad civil al término del PAL',
  RecordStlStatus: 'el registro del estado del STL en el ejercicio',
  exerciseOpened: 'el aviso al STL de que se abrió un ejercicio',
};

function actName(act: string): string {
  return INTERPLAY_ACTS[act] ?? `el acto «${act}»`;
}

/** The other workflow's rules refused an act of the interplay: nothing will retry it, people must act. */
export function interplayRefusal(act: string, commandId: string | undefined, why: string): IncidentData {
  return {
    incidentId: `rechazo:${commandId ?? act}`,
    reason: `No se realizó ${actName(act)}: ${why.replace(/\.$/, '')}. Revise el expediente y registre el acto cuando proceda.`,
  };
}

/** A signal of the interplay reached no running workflow (missing or already closed). */
export function interplayUndelivered(act: string, commandId: string, target: string): IncidentData {
  return {
    incidentId: `sin-entrega:${commandId}`,
    reason: `No se realizó ${actName(act)}: el flujo ${target} no existe o ya concluyó. Revise el expediente y registre el acto cuando proceda.`,
  };
}
