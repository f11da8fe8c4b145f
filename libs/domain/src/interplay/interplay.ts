import { type ExerciseEvent } from '../exercise/exercise-events';
import { type ProgressReportRule, type SectorComposition, type StlStatusReport } from '../exercise/exercise-commands';
import { progressReportMonths } from '../stl/governance';
import { CORE_SECTORS, type Sector, SECTORS, sectorLabel } from '../stl/stl-terms';
import { type ConcludeFacilitadorSelection, type InstallStl, type RenewCivilSociety } from '../stl/stl-commands';
import { type Escalation, type IncidentData } from '../shared/escalation';
import { type StlSummary } from '../stl/stl-summary';

/** A command one aggregate's facts ask of the other; the workflows deliver it as a signal. */
export type StlRequest =
  | Pick<InstallStl, 'type' | 'data'>
  | Pick<RenewCivilSociety, 'type' | 'data'>
  | Pick<ConcludeFacilitadorSelection, 'type' | 'data'>;

const FACILITADOR_SELECTION_STAGE = 7;
const INSTALLATION_STAGE = 10;

export interface StlRequestOptions {
  /** Runs begun before issue 17 did not tell the STL that stage 7 closed. */
  readonly facilitadorSelection?: boolean;
}

/**
 * What the STL must do after an exercise's events: stage 7 ("Selección del facilitador", guia-instalacion-stl.txt,
 * Anexo 1) makes a missing facilitador a vacancy, stage 10 ("Instalación del STL") installs it, and the PAL's end
 * renews its civil-society representation (mecanismo-gobernanza-edomex.md).
 */
export function stlRequestsFor(events: readonly ExerciseEvent[], options: StlRequestOptions = {}): StlRequest[] {
  const closes = (stage: number, data: { stage: number; mergedWith?: readonly number[] }) =>
    data.stage === stage || data.mergedWith?.includes(stage) === true;
  return events.flatMap((event): StlRequest[] => {
    switch (event.type) {
      case 'StageCompleted': {
        const { completedOn } = event.data;
        return [
          ...(options.facilitadorSelection && closes(FACILITADOR_SELECTION_STAGE, event.data)
            ? [{ type: 'ConcludeFacilitadorSelection' as const, data: { concludedOn: completedOn } }]
            : []),
          ...(closes(INSTALLATION_STAGE, event.data)
            ? [{ type: 'InstallStl' as const, data: { installedOn: completedOn } }]
            : []),
        ];
      }
      case 'StageSkipped':
        return options.facilitadorSelection && event.data.stage === FACILITADOR_SELECTION_STAGE
          ? [{ type: 'ConcludeFacilitadorSelection', data: { concludedOn: event.data.skippedOn } }]
          : [];
      case 'EvaluationDue':
        return [{ type: 'RenewCivilSociety', data: { palEndedOn: event.data.stlRenewal.palEndedOn } }];
      default:
        return [];
    }
  });
}

export interface StatusReportOptions {
  /** Reports of STL runs from before issue 17 carry no composition. */
  readonly composition?: boolean;
  /** Nor, before the mechanism's own period, the progress-report periods. */
  readonly progressReports?: boolean;
  /** Nor, before step 3 waited for it, the day the STL adopted its mechanism. */
  readonly mechanismAdoption?: boolean;
}

/**
 * What an exercise needs to know of its STL (installation, titulares and suplentes per sector, facilitador,
 * cadence, how often its PAL's commitments report progress), from the STL's summary.
 */
export function stlStatusReport(summary: StlSummary, stlVersion?: number, options: StatusReportOptions = {}): StlStatusReport {
  return {
    ...(stlVersion !== undefined && { stlVersion }),
    ...(summary.installedOn && { installedOn: summary.installedOn }),
    ...(options.composition && { composition: compositionOf(summary) }),
    ...(options.composition && summary.compositionCompleteOn && { compositionCompleteOn: summary.compositionCompleteOn }),
    // The appointment dates step 3 (the facilitador elected), not the day the report arrives.
    facilitador: summary.facilitador
      ? { nombre: summary.facilitador.nombre, appointedOn: summary.facilitador.appointedOn }
      : null,
    ...(summary.lastSessionOn && { lastSessionOn: summary.lastSessionOn }),
    ...(summary.nextSessionDueOn && { nextSessionDueOn: summary.nextSessionDueOn }),
    ...(options.progressReports && { progressReports: progressReportRules(summary) }),
    ...(options.mechanismAdoption && mechanismAdoption(summary)),
  };
}

/**
 * Stage 9's adoption: the first version the STL itself adopted, not the registration's provisional one. A mechanism
 * that predates the versions (streams recorded before them) has no known day, so the report says nothing of it.
 */
function mechanismAdoption(summary: StlSummary): Pick<StlStatusReport, 'mechanismAdoptedOn'> {
  const adopted = summary.governance.history.find((version) => version.basis.kind !== 'registro');
  if (adopted === undefined) return { mechanismAdoptedOn: null };
  return adopted.validFrom === null ? {} : { mechanismAdoptedOn: adopted.validFrom };
}

/** The period of each mechanism version, only where it changes, so that another change of the mechanism reports nothing new. */
function progressReportRules(summary: StlSummary): ProgressReportRule[] {
  return summary.governance.history.reduce<ProgressReportRule[]>((rules, version) => {
    const months = progressReportMonths(version.mechanism);
    return rules.at(-1)?.months === months ? rules : [...rules, { validFrom: version.validFrom, months }];
  }, []);
}

/** The three sectors every STL has, and the fourth when it declared one. */
function compositionOf(summary: StlSummary): SectorComposition[] {
  const sectors: readonly Sector[] = summary.extraSectorName === null ? CORE_SECTORS : SECTORS;
  return sectors.map((sector) => ({
    sector,
    label: sectorLabel(sector, summary.extraSectorName),
    titulares: summary.titularesBySector[sector],
    suplentes: summary.suplentesBySector[sector],
  }));
}

/** What each act between the workflows is, in the coordinación's words. */
const INTERPLAY_ACTS: Readonly<Record<string, string>> = {
  InstallStl: 'la instalación del STL al concluir la etapa 10',
  RenewCivilSociety: 'la renovación de la representación de sociedad civil al término del PAL',
  ConcludeFacilitadorSelection: 'el aviso al STL de que concluyó la etapa 7 (selección del facilitador)',
  RecordStlStatus: 'el registro del estado del STL en el ejercicio',
  exerciseOpened: 'el aviso al STL de que se abrió un ejercicio',
};

function actName(act: string): string {
  return INTERPLAY_ACTS[act] ?? `el acto «${act}»`;
}

function notDone(act: string): string {
  return `No se realizó ${actName(act)}:`;
}

/** An open escalation the interplay raised about `act` not done (its incident keeps no act, only these words). */
export function isOpenRefusalOf(act: string, escalation: Escalation): boolean {
  return escalation.kind === 'interplay_incident' && escalation.status !== 'resuelta' && escalation.reason.startsWith(notDone(act));
}

/** The other workflow's rules refused an act of the interplay: nothing will retry it, people must act. */
export function interplayRefusal(act: string, commandId: string | undefined, why: string): IncidentData {
  return {
    incidentId: `rechazo:${commandId ?? act}`,
    reason: `${notDone(act)} ${why.replace(/\.$/, '')}. Revise el expediente y registre el acto cuando proceda.`,
  };
}

/** A signal of the interplay reached no running workflow (missing or already closed). */
export function interplayUndelivered(act: string, commandId: string, target: string): IncidentData {
  return {
    incidentId: `sin-entrega:${commandId}`,
    reason: `${notDone(act)} el flujo ${target} no existe o ya concluyó. Revise el expediente y registre el acto cuando proceda.`,
  };
}
