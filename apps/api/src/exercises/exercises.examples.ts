import { type Type } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';

/** Request examples shown by Swagger UI: real-looking bodies a garante of Jalisco would send. */
type Examples = Record<string, { readonly summary: string; readonly value: unknown }>;

/** `@ApiBody` with named examples, which Swagger UI offers in a drop-down. */
export function ApiBodyExamples(type: Type<unknown>, examples: Examples): MethodDecorator {
  return ApiBody({ type, examples });
}

const MICROSITIO = 'https://micrositio.ejemplo.org.mx/14';

const commitment = (id: string, kind: string, title: string) => ({
  id,
  title,
  kind,
  activities: ['Mesas de trabajo con las dependencias responsables', 'Publicación de avances en el micrositio'],
  products: ['Informe público de avance'],
  indicators: ['Porcentaje de actividades concluidas'],
  responsibles: ['14-gobierno-1', '14-sociedadcivil-1'],
});

export const PAL_COMMITMENTS = [
  commitment('C1', 'agenda_nacional', 'Datos abiertos de obra pública'),
  commitment('C2', 'agenda_nacional', 'Contrataciones abiertas'),
  commitment('C3', 'problema_local', 'Transparencia en el transporte público'),
  commitment('C4', 'problema_local', 'Participación ciudadana en la gestión del agua'),
  { ...commitment('C5', 'follow_the_money', 'Rastreo del gasto en programas sociales'), description: 'Seguimiento público del presupuesto ejercido.' },
];

export const EXERCISE_EXAMPLES = {
  start: {
    jalisco: { summary: 'Firma de la Declaración Conjunta', value: { entidad: '14', startedOn: '2026-11-02' } },
    nuevoStl: {
      summary: 'Entidad sin STL: se registra con otra regla de decisión',
      value: { entidad: '01', startedOn: '2026-11-02', decisionRule: 'consensus_only' },
    },
  },
  stage: {
    sencilla: { summary: 'Etapa concluida con evidencia', value: { completedOn: '2026-11-10', evidence: [`${MICROSITIO}/etapa-1.pdf`] } },
    fusionada: {
      summary: 'Dos etapas en un solo acto, con justificación',
      value: {
        completedOn: '2026-12-01',
        mergedWith: [8],
        justification: 'El Grupo Promotor acordó las reglas de funcionamiento en la misma sesión de selección del facilitador.',
      },
    },
  },
  step: {
    declaracion: {
      summary: 'Paso 1: Declaración Conjunta firmada',
      value: { completedOn: '2026-11-02', evidence: [`${MICROSITIO}/declaracion-conjunta.pdf`] },
    },
    mesas: { summary: 'Paso 4: mesas participativas concluidas', value: { completedOn: '2027-03-15', evidence: [`${MICROSITIO}/mesas.pdf`] } },
  },
  governanceMechanism: {
    mecanismo: {
      summary: 'Mecanismo de gobernanza incluido en el acta de instalación',
      value: { adoptedOn: '2027-01-20', documentUrl: `${MICROSITIO}/mecanismo-de-gobernanza.pdf` },
    },
  },
  annualAgenda: {
    agenda: { summary: 'Agenda anual de trabajo del STL', value: { adoptedOn: '2027-02-03', documentUrl: `${MICROSITIO}/agenda-anual.pdf` } },
  },
  commitments: {
    borrador: { summary: 'Borrador de las mesas: cinco compromisos', value: { commitments: PAL_COMMITMENTS } },
  },
  pal: {
    conCompromisos: {
      summary: 'Lanzamiento con sus compromisos',
      value: { launchedOn: '2027-04-05', commitments: PAL_COMMITMENTS, evidence: [`${MICROSITIO}/plan-de-accion-local.pdf`] },
    },
    conBorrador: { summary: 'Lanzamiento con los compromisos definidos en las mesas', value: { launchedOn: '2027-04-05' } },
  },
  progress: {
    sustancial: {
      summary: 'Avance sustancial reportado en el tablero',
      value: { completion: 'substantial', reportedOn: '2027-08-01', evidence: [`${MICROSITIO}/avance-c1.pdf`] },
    },
  },
  monitoring: {
    monitoreo: {
      summary: 'Monitoreo a los seis meses',
      value: {
        completedOn: '2027-10-06',
        summary: 'Los cinco compromisos avanzan; dos requieren ajustar sus indicadores.',
        evidence: [`${MICROSITIO}/monitoreo.pdf`],
      },
    },
  },
  evaluation: {
    evaluacion: {
      summary: 'Evaluación al concluir el año del PAL (cierra el ejercicio)',
      value: { completedOn: '2028-04-10', summary: 'Cuatro compromisos completos y uno sustancial.', evidence: [`${MICROSITIO}/evaluacion.pdf`] },
    },
  },
} satisfies Record<string, Examples>;

/** What a PAL below the 2015 minimums answers (422 PAL_INVALID), for the OpenAPI document. */
export const PAL_INVALID_EXAMPLE = {
  statusCode: 422,
  code: 'PAL_INVALID',
  message:
    'El PAL no cumple la estructura mínima: El PAL requiere al menos 5 compromisos; tiene 3. ' +
    'El PAL requiere al menos 1 compromiso Follow the Money; tiene 0.',
  violations: [
    { code: 'PAL_TOO_FEW_COMMITMENTS', message: 'El PAL requiere al menos 5 compromisos; tiene 3.' },
    { code: 'PAL_TOO_FEW_FOLLOW_THE_MONEY', message: 'El PAL requiere al menos 1 compromiso Follow the Money; tiene 0.' },
  ],
};

/** What a malformed body answers (400), for the OpenAPI document. */
export const VALIDATION_FAILED_EXAMPLE = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'Datos inválidos. completedOn: debe ser una fecha válida con formato AAAA-MM-DD',
  errors: [{ field: 'completedOn', message: 'debe ser una fecha válida con formato AAAA-MM-DD' }],
};

/** One item of GET /api/exercises (the detail adds stages, steps, escalations and search attributes). */
export const EXERCISE_LIST_EXAMPLE = [
  {
    id: '14-1',
    workflowId: 'exercise/14/1',
    streamId: 'exercise/14/1',
    entidad: '14',
    entidadName: 'Jalisco',
    number: 1,
    status: 'open',
    currentStep: 4,
    completedSteps: [1, 2, 3],
    currentStage: 10,
    completedStages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    skippedStages: [],
    missingForCurrentStep: [{ code: 'compromisos', label: 'definir los compromisos en las mesas participativas' }],
    startedOn: '2026-03-02',
    lastProgressOn: '2026-09-14',
    progressRecordedOn: '2026-09-14',
    stallReminderOn: '2026-10-14',
    openEscalations: 0,
    stl: { installedOn: '2026-07-01', facilitador: { nombre: 'Dra. Ana Ruiz Téllez' }, lastSessionOn: '2026-09-10' },
    governanceMechanism: { adoptedOn: '2026-07-01', documentUrl: `${MICROSITIO}/mecanismo-de-gobernanza.pdf` },
    annualAgenda: { adoptedOn: '2026-07-01', documentUrl: `${MICROSITIO}/agenda-anual.pdf` },
    commitments: {
      total: 0,
      byKind: { agenda_nacional: 0, problema_local: 0, follow_the_money: 0 },
      byCompletion: { not_started: 0, limited: 0, substantial: 0, complete: 0, withdrawn: 0 },
      items: [],
    },
    nextDeadline: { id: 'stall:2026-09-14:reminder', kind: 'stall_reminder', dueOn: '2026-10-14' },
  },
];
