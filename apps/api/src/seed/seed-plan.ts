import {
  addDays,
  addMonths,
  type CommitmentInput,
  type ExerciseCommand,
  type LocalDate,
  type StlCommand,
  type StlSeedRecord,
  stlSeedCommands,
} from '@app/domain';

type Request<C> = C extends { type: infer T; data: infer D } ? { type: T; data: D } : never;
export type StlRequest = Request<Exclude<StlCommand, { type: 'FireDeadline' }>>;
export type ExerciseRequest = Request<Exclude<ExerciseCommand, { type: 'FireDeadline' }>>;

/** What the seed asks of one state's workflows, in order; dates relative to `today` so the country looks current. */
export interface StatePlan {
  readonly entidad: string;
  readonly installedOn: LocalDate;
  readonly stl: readonly StlRequest[];
  readonly exercise: { readonly startedOn: LocalDate; readonly untilStep3: readonly ExerciseRequest[]; readonly afterStep3: readonly ExerciseRequest[] };
  readonly sessions: readonly StlRequest[];
}

const MICROSITIO = 'https://micrositio.ejemplo.org.mx';
/** Why the seed's convocations carry dates before their recording: they stand for sessions already held. */
const SEED_HISTORY = 'Datos de demostración: sesión ya celebrada, registrada al cargar el sistema.';

const commitment = (id: string, kind: CommitmentInput['kind'], title: string, entidad: string): CommitmentInput => ({
  id,
  title,
  kind,
  activities: ['Mesas de trabajo con las dependencias responsables', 'Publicación de avances en el micrositio'],
  products: ['Informe público de avance'],
  indicators: ['Porcentaje de actividades concluidas'],
  responsibles: [`${entidad}-gobierno-1`, `${entidad}-sociedadcivil-1`],
});

const commitmentsFor = (entidad: string): CommitmentInput[] => [
  commitment('C1', 'agenda_nacional', 'Datos abiertos de obra pública', entidad),
  commitment('C2', 'agenda_nacional', 'Contrataciones abiertas', entidad),
  commitment('C3', 'problema_local', 'Transparencia en el transporte público', entidad),
  commitment('C4', 'problema_local', 'Participación ciudadana en la gestión del agua', entidad),
  commitment('C5', 'follow_the_money', 'Rastreo del gasto en programas sociales', entidad),
];

const STEPS_BEFORE_INSTALLATION_DAYS = 135;

/**
 * The 16 STLs of 2017 (guia-instalacion-stl.txt, tables 2 and 5) as they would look today: installed 3 to 8 months
 * ago, each with its first exercise. Half of those with a facilitador have launched their PAL; two thirds have met
 * recently; the rest have not met since installation, so the board shows every situation a coordinator meets.
 */
export function seedPlan(record: StlSeedRecord, index: number, today: LocalDate, now: string): StatePlan {
  const entidad = record.entidad;
  const installedOn = addMonths(today, -(3 + (index % 6)));
  // 135 days keep the twelve months of the steps at least ten days away from the seed day, whatever the calendar:
  // with 120, four calendar months minus 120 days put them on the seed day itself on 154 days of the year, so
  // whether the month-11 warning was history or news depended on the hour the seed ran.
  const startedOn = addDays(installedOn, -STEPS_BEFORE_INSTALLATION_DAYS);
  // The mesas' commitments are recorded today, so the PAL can be launched today at the earliest.
  const launchesPal = record.facilitador !== null && index % 2 === 0;
  const seeded = stlSeedCommands(record, { installedOn, now }).map(({ type, data }) => ({ type, data }) as StlRequest);
  // Those that launched their PAL completed step 3 since 2017: a suplente in every seat the tables leave without one.
  const stl = launchesPal ? withSuplentes(seeded, installedOn) : seeded;
  const stageDate = (stage: number) => addDays(startedOn, 10 + 10 * stage);
  const untilStep3: ExerciseRequest[] = [
    { type: 'CompleteStep', data: { step: 1, completedOn: addDays(startedOn, 5), evidence: [`${MICROSITIO}/${entidad}/declaracion-conjunta.pdf`] } },
    ...Array.from({ length: 10 }, (_, i): ExerciseRequest => ({
      type: 'CompleteStage',
      data: { stage: i + 1, completedOn: i === 9 ? installedOn : stageDate(i + 1), evidence: [`${MICROSITIO}/${entidad}/etapa-${i + 1}.pdf`] },
    })),
    { type: 'RecordGovernanceMechanism', data: { adoptedOn: installedOn, documentUrl: `${MICROSITIO}/${entidad}/mecanismo-de-gobernanza.pdf` } },
    { type: 'RecordAnnualAgenda', data: { adoptedOn: installedOn, documentUrl: `${MICROSITIO}/${entidad}/agenda-anual.pdf` } },
  ];
  const afterStep3: ExerciseRequest[] = launchesPal
    ? [
        { type: 'DefineCommitments', data: { commitments: commitmentsFor(entidad) } },
        { type: 'CompleteStep', data: { step: 4, completedOn: today, evidence: [`${MICROSITIO}/${entidad}/mesas.pdf`] } },
        { type: 'LaunchPal', data: { launchedOn: today, evidence: [`${MICROSITIO}/${entidad}/plan-de-accion-local.pdf`] } },
      ]
    : [];
  const sessionDate = addDays(today, -25 - index);
  const present = stl.flatMap((request) =>
    request.type === 'AddMember' && request.data.role === 'titular' ? [request.data.memberId] : [],
  );
  const sessions: StlRequest[] =
    index % 3 === 0
      ? []
      : [
          {
            type: 'ConveneSession',
            data: {
              sessionId: 'sesion-1',
              date: sessionDate,
              kind: 'ordinaria',
              convokedOn: addDays(sessionDate, -14),
              agenda: ['Seguimiento del plan de trabajo', 'Asuntos generales'],
              place: 'Sala de sesiones del organismo garante',
              historical: { justification: SEED_HISTORY },
            },
          },
          { type: 'RecordAttendance', data: { sessionId: 'sesion-1', present } },
          { type: 'ApproveMinutes', data: { sessionId: 'sesion-1', approvedOn: sessionDate, signedBy: present } },
        ];
  return { entidad, installedOn, stl, exercise: { startedOn, untilStep3, afterStep3 }, sessions };
}

/** "Elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt): one suplente per seat, before the installation. */
function withSuplentes(requests: readonly StlRequest[], joinedOn: LocalDate): StlRequest[] {
  const seated = new Set(requests.flatMap((request) => (request.type === 'AddMember' && request.data.titularId ? [request.data.titularId] : [])));
  const suplentes = requests.flatMap((request): StlRequest[] => {
    if (request.type !== 'AddMember' || request.data.role !== 'titular' || seated.has(request.data.memberId)) return [];
    const { memberId, sector, nombre, organizacion } = request.data;
    return [
      {
        type: 'AddMember',
        data: { memberId: `${memberId}-suplente`, sector, role: 'suplente', nombre: `Suplente de ${nombre}`, organizacion, titularId: memberId, joinedOn },
      },
    ];
  });
  const installation = requests.findIndex((request) => request.type === 'InstallStl');
  return [...requests.slice(0, installation), ...suplentes, ...requests.slice(installation)];
}
