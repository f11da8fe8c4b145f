/**
 * The method's fixed structure, as the UI shows it: the six steps (seis-pasos-2016.txt) and the ten installation
 * stages (guia-instalacion-stl.txt, Anexo 1). Names and texts are Spanish because people read them.
 */
export const STAGE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type StageNumber = (typeof STAGE_NUMBERS)[number];

export const STEP_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type StepNumber = (typeof STEP_NUMBERS)[number];

/** The three "etapas" of Anexo 1 that group the ten stages. */
export type Etapa = 'PLANEA' | 'IDENTIFICA Y SUMA' | 'INTEGRA';

export interface StageDefinition {
  readonly number: StageNumber;
  readonly name: string;
  readonly etapa: Etapa;
  readonly responsible: string;
  readonly expectedResult: string;
  /** The step this stage belongs to (STAGE_STEP). */
  readonly step: StepNumber;
}

/**
 * DOMAIN.md's default mapping: stage 1 closes step 1's follow-up, stages 2–4 are step 2, stages 5–10 are step 3.
 * Steps 4–6 have no installation stages.
 */
export const STAGE_STEP: Readonly<Record<StageNumber, StepNumber>> = {
  1: 1,
  2: 2,
  3: 2,
  4: 2,
  5: 3,
  6: 3,
  7: 3,
  8: 3,
  9: 3,
  10: 3,
};

export function stagesOfStep(step: StepNumber): StageNumber[] {
  return STAGE_NUMBERS.filter((stage) => STAGE_STEP[stage] === step);
}

export const EXERCISE_STAGES: readonly StageDefinition[] = [
  stage(
    1,
    'Ruta de trabajo del Grupo Promotor',
    'PLANEA',
    'Grupo Promotor',
    'Ruta de trabajo: calendario de las actividades previas requeridas para instalar el STL',
  ),
  stage(
    2,
    'Búsqueda de respaldo político de alto nivel',
    'IDENTIFICA Y SUMA',
    'Grupo Promotor (especialmente el sector gubernamental)',
    'Incorporación de actores políticos de alto nivel',
  ),
  stage(
    3,
    'Mapeo y convocatoria de actores sociales locales',
    'IDENTIFICA Y SUMA',
    'Grupo Promotor (especialmente el organismo garante y sociedad civil)',
    'Mapeo de organizaciones, convocatoria pública e incorporación de actores sociales locales',
  ),
  stage(
    4,
    'Sensibilización y socialización',
    'IDENTIFICA Y SUMA',
    'Organismo garante en coordinación con el Grupo Promotor',
    'Difusión de características y alcances del ejercicio e incorporación de más actores públicos y sociales',
  ),
  stage(
    5,
    'Reuniones preparatorias con el Grupo Promotor',
    'INTEGRA',
    'Grupo Promotor',
    'Método de selección de integrantes del STL y definición de ruta crítica',
  ),
  stage(
    6,
    'Selección de representantes',
    'INTEGRA',
    'Grupo Promotor y actores interesados',
    'Definición de representantes (social y gubernamental)',
  ),
  stage(
    7,
    'Selección del facilitador',
    'INTEGRA',
    'Representantes seleccionados',
    'Definición del facilitador (de preferencia del ámbito académico o de la sociedad civil)',
  ),
  stage(
    8,
    'Acuerdo sobre las reglas de funcionamiento',
    'INTEGRA',
    'Representantes seleccionados',
    'Reglas de funcionamiento: integración, elección y rotación, y esquema de toma de decisiones',
  ),
  stage(
    9,
    'Redacción del mecanismo de gobernanza',
    'INTEGRA',
    'Grupo Promotor y representantes seleccionados',
    'Documento con el mecanismo de gobernanza (se incluye en el acta de instalación)',
  ),
  stage(
    10,
    'Instalación del STL',
    'INTEGRA',
    'Organismo garante',
    'Instalación del STL: acto protocolario, toma de protesta y acta de instalación firmada',
  ),
];

function stage(
  number: StageNumber,
  name: string,
  etapa: Etapa,
  responsible: string,
  expectedResult: string,
): StageDefinition {
  return { number, name, etapa, responsible, expectedResult, step: STAGE_STEP[number] };
}

/** How a step gets completed: only steps 1 and 4 by an explicit `CompleteStep`; the others follow from facts. */
export type StepCompletion = 'explicit' | 'automatic' | 'pal_launch' | 'evaluation';

export interface StepDefinition {
  readonly number: StepNumber;
  readonly name: string;
  /** Steps 2–5 are structural, 1 and 6 support the exercise (DOMAIN.md). */
  readonly role: 'estructural' | 'de apoyo';
  readonly responsible: string;
  readonly expectedResult: string;
  readonly completion: StepCompletion;
}

export const EXERCISE_STEPS: readonly StepDefinition[] = [
  {
    number: 1,
    name: 'Arranque del ejercicio',
    role: 'de apoyo',
    responsible: 'Representantes del gobierno, la sociedad civil y el organismo garante',
    expectedResult: 'Declaración Conjunta firmada',
    completion: 'explicit',
  },
  {
    number: 2,
    name: 'Sensibilización y socialización',
    role: 'estructural',
    responsible: 'Organismo garante',
    expectedResult: 'Incorporación de más actores públicos y sociales (etapas 2 a 4)',
    completion: 'automatic',
  },
  {
    number: 3,
    name: 'Integración del Secretariado Técnico Local',
    role: 'estructural',
    responsible: 'Organismo garante y representantes electos',
    expectedResult: 'STL instalado, mecanismo de gobernanza, facilitador electo y agenda anual de trabajo',
    completion: 'automatic',
  },
  {
    number: 4,
    name: 'Mesas participativas',
    role: 'estructural',
    responsible: 'STL con apoyo del facilitador',
    expectedResult: 'Compromisos con actividades, productos e indicadores de desempeño',
    completion: 'explicit',
  },
  {
    number: 5,
    name: 'Lanzamiento e implementación del Plan de Acción Local',
    role: 'estructural',
    responsible: 'STL',
    expectedResult: 'PAL presentado en un evento público; inicia su año de implementación',
    completion: 'pal_launch',
  },
  {
    number: 6,
    name: 'Seguimiento, monitoreo y evaluación del PAL',
    role: 'de apoyo',
    responsible: 'Organismo garante y Secretaría Técnica del INAI',
    expectedResult: 'Micrositio, monitoreo a los seis meses y evaluación al concluir el año del PAL',
    completion: 'evaluation',
  },
];

export function isStageNumber(value: unknown): value is StageNumber {
  return STAGE_NUMBERS.includes(value as StageNumber);
}

export function isStepNumber(value: unknown): value is StepNumber {
  return STEP_NUMBERS.includes(value as StepNumber);
}

export function stageDefinition(number: StageNumber): StageDefinition {
  return EXERCISE_STAGES[number - 1];
}

export function stepDefinition(number: StepNumber): StepDefinition {
  return EXERCISE_STEPS[number - 1];
}
