import { type CommitmentCompletion, type CommitmentKind, type ExerciseEvent, type RemovalCause, type Sector, type StlEvent } from '@app/domain';

/** What people read for the codes the read model stores. Unknown codes are shown as they are, never hidden. */
function labelFrom<K extends string>(labels: Readonly<Record<K, string>>): (code: string) => string {
  return (code) => (labels as Readonly<Record<string, string>>)[code] ?? code;
}

export const SECTOR_LABELS: Readonly<Record<Sector, string>> = {
  gobierno: 'Gobierno',
  sociedad_civil: 'Sociedad civil',
  garante: 'Organismo garante',
  adicional: 'Sector adicional',
};
export const sectorName = labelFrom(SECTOR_LABELS);

/** Initials for compact cells: G · SC · OG · A. */
export const SECTOR_SHORT: Readonly<Record<Sector, string>> = {
  gobierno: 'G',
  sociedad_civil: 'SC',
  garante: 'OG',
  adicional: 'A',
};

export const memberRoleName = labelFrom({
  titular: 'Titular',
  suplente: 'Suplente',
  enlace: 'Enlace',
  invitado: 'Invitado',
});

export const sessionStatusName = labelFrom({
  convocada: 'Convocada',
  celebrada: 'Celebrada',
  sin_quorum: 'Sin quórum',
  cancelada: 'Cancelada',
});

export const REMOVAL_CAUSE_LABELS: Readonly<Record<RemovalCause, string>> = {
  inactividad: 'Inactividad (inasistencias que señala el mecanismo)',
  incumplimiento_normas: 'Incumplimiento de las normas del STL',
  probidad: 'Falta de probidad',
  afectacion_pal: 'Afectación al PAL',
};
export const removalCauseName = labelFrom(REMOVAL_CAUSE_LABELS);

export const sessionKindName = labelFrom({ ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria' });

export const COMPLETION_LABELS: Readonly<Record<CommitmentCompletion, string>> = {
  not_started: 'Sin iniciar',
  limited: 'Limitado',
  substantial: 'Sustancial',
  complete: 'Completo',
  withdrawn: 'Retirado',
};
export const completionName = labelFrom(COMPLETION_LABELS);

/** Share of the way along the IRM scale, for progress bars (a withdrawn commitment shows none). */
export const COMPLETION_PERCENT: Readonly<Record<CommitmentCompletion, number>> = {
  not_started: 0,
  limited: 33,
  substantial: 67,
  complete: 100,
  withdrawn: 0,
};

export const COMMITMENT_KIND_LABELS: Readonly<Record<CommitmentKind, string>> = {
  agenda_nacional: 'Agenda nacional',
  problema_local: 'Problema local',
  follow_the_money: 'Follow the Money',
};
export const commitmentKindName = labelFrom(COMMITMENT_KIND_LABELS);

export const escalationStatusName = labelFrom({ abierta: 'Abierta', reconocida: 'Reconocida', resuelta: 'Resuelta' });
export const escalationLevelName = labelFrom({ enlace: 'Enlace INAI', coordinador: 'Coordinación' });

export const deadlineKindName = labelFrom({
  stall_reminder: 'Recordatorio por falta de avance',
  stall_escalation_enlace: 'Falta de avance',
  stall_escalation_coordinador: 'Falta de avance prolongada',
  vacancy_reminder: 'Recordatorio de facilitador vacante',
  vacancy_escalation: 'Facilitador vacante',
  cadence_reminder: 'Recordatorio de sesión bimestral',
  cadence_escalation: 'Sesión bimestral vencida',
  monitoring_reminder: 'Recordatorio de monitoreo',
  monitoring_due: 'Monitoreo',
  evaluation_reminder: 'Recordatorio de evaluación',
  evaluation_due: 'Evaluación',
  term_warning: 'Aviso: once meses del ejercicio',
  term_escalation: 'Doce meses sin concluir los seis pasos',
  progress_reminder: 'Compromisos sin reporte de avance',
  session_tomorrow: 'Sesión mañana',
  confirmation_reminder: 'Recordatorio de confirmar asistencia',
  mail_undeliverable: 'Correo no entregado',
  interplay_incident: 'Acto entre ejercicio y STL no realizado',
});

export const roleName = labelFrom({
  coordinador: 'Coordinación',
  enlace: 'Enlace INAI',
  garante: 'Organismo garante',
  facilitador: 'Facilitación',
  integrante: 'Integrante',
});

/** The audit trail in words: one phrase per event type of both streams (a new event type fails to compile here). */
export const eventName = labelFrom<ExerciseEvent['type'] | StlEvent['type']>({
  ExerciseStarted: 'Inicio del ejercicio (Declaración Conjunta)',
  StageCompleted: 'Etapa concluida',
  StageSkipped: 'Etapa omitida con justificación',
  StepCompleted: 'Paso concluido',
  GovernanceMechanismRecorded: 'Mecanismo de gobernanza registrado',
  AnnualAgendaRecorded: 'Agenda anual registrada',
  StlStatusRecorded: 'Estado del STL informado al ejercicio',
  CommitmentsDefined: 'Compromisos definidos en mesas',
  PalLaunched: 'Lanzamiento del PAL',
  CommitmentProgressUpdated: 'Avance de compromiso',
  MonitoringRecorded: 'Monitoreo registrado',
  EvaluationRecorded: 'Evaluación registrada',
  ExerciseClosed: 'Ejercicio cerrado',
  ReminderDue: 'Recordatorio enviado',
  EscalationRaised: 'Escalamiento',
  EscalationAcknowledged: 'Escalamiento reconocido',
  EscalationResolved: 'Escalamiento resuelto',
  MonitoringDue: 'Vence el monitoreo',
  EvaluationDue: 'Vence la evaluación',
  StlRegistered: 'Registro del STL',
  GovernanceMechanismAdopted: 'Adopción o cambio del mecanismo de gobernanza del STL',
  DecisionRuleChanged: 'Cambio de regla de decisión',
  NonWorkingDaysSet: 'Días inhábiles del STL',
  MemberAdded: 'Alta de integrante',
  StlInstalled: 'Instalación del STL',
  FacilitadorAppointed: 'Nombramiento de facilitador',
  FacilitadorVacated: 'Facilitador vacante',
  FacilitadorSelectionConcluded: 'Concluye la selección del facilitador (etapa 7)',
  CompositionWarningsChanged: 'Advertencias de composición',
  SessionConvened: 'Convocatoria a sesión',
  SessionCancelled: 'Sesión cancelada',
  SessionRescheduled: 'Sesión reprogramada',
  WorkingMeetingRecorded: 'Reunión de trabajo registrada',
  ConvocationAnswered: 'Respuesta a una convocatoria',
  AttendanceRecorded: 'Asistencia registrada',
  AttendanceAmended: 'Asistencia corregida',
  DecisionRecorded: 'Acuerdo registrado',
  MinutesApproved: 'Acta aprobada',
  RemovalProposed: 'Propuesta de remoción',
  RemovalDecided: 'Remoción decidida',
  MemberResigned: 'Renuncia',
  MemberRemoved: 'Baja de integrante',
  SuplentePromoted: 'Suplente asume la titularidad',
  VacancyOpened: 'Vacante en una representación',
  CivilSocietyRenewalStarted: 'Inicia renovación de sociedad civil',
  CivilSocietyRenewalCompleted: 'Concluye renovación de sociedad civil',
});

export const decisionRuleName = labelFrom({
  consensus_then_majority: 'Consenso; si no lo hay, mayoría de presentes',
  consensus_then_majority_with_civil_society_vote: 'Consenso; si no, mayoría con al menos un voto de sociedad civil',
  consensus_then_majority_with_each_sector_vote: 'Consenso; si no, mayoría con el voto de cada sector',
  consensus_only: 'Solo por consenso',
  consensus_by_thematic_tables: 'Consenso a través de mesas temáticas',
});
