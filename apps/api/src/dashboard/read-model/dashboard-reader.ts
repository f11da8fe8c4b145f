import { stlWorkflowId } from '@app/contracts';
import { type Entidad, exerciseStreamsOf, type ExerciseSummary, type StlSummary } from '@app/domain';
import {
  CommitmentView,
  DomainEventRecord,
  EscalationView,
  ExerciseView,
  StlMemberView,
  StlSessionView,
  StlView,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { entidadWhere, type Readable, readScope } from '../../auth/read-scope';
import { type StateSnapshot } from '../board/country-board';
import { ENTIDADES_EN_ORDEN } from '../board/entidades';
import { REMOVAL_EVENT_TYPES, type RemovalProceeding, removalProceedings } from './removals';

/** Everything the state's page shows, read from the projections (never from the workflows). */
export interface EntidadRecord {
  readonly entidad: Entidad;
  readonly exercise?: ExerciseSummary;
  readonly exerciseNumbers: readonly number[];
  readonly stl?: StlSummary;
  readonly members: readonly StlMemberView[];
  readonly sessions: readonly StlSessionView[];
  readonly commitments: readonly CommitmentView[];
  readonly escalations: readonly EscalationView[];
  readonly events: readonly DomainEventRecord[];
  /** Read from the whole log, not the page's recent history: a proceeding outlives 200 events. */
  readonly removals: readonly RemovalProceeding[];
}

export interface EscalationFilter {
  readonly status?: 'abierta' | 'reconocida' | 'resuelta' | 'pendientes';
  readonly entidad?: Entidad;
}

/** How much of the audit trail the page shows (newest first). */
export const HISTORY_LIMIT = 200;

/** The exercise a state is judged by: its open one, else its latest. */
function currentExercise(rows: readonly ExerciseView[]): ExerciseView | undefined {
  return rows.find((row) => row.status === 'open') ?? [...rows].sort((a, b) => b.number - a.number)[0];
}

@Injectable()
export class DashboardReader {
  constructor(private readonly dataSource: DataSource) {}

  /** One snapshot per state with an exercise or an STL, among the states the account may read. */
  async countrySnapshots(readable: Readable): Promise<StateSnapshot[]> {
    const readableScope = readScope(readable);
    if (!readableScope) return [];
    const scope = entidadWhere(readableScope);
    const [exercises, stls, open] = await Promise.all([
      this.dataSource.getRepository(ExerciseView).find({ where: scope }),
      this.dataSource.getRepository(StlView).find({ where: scope }),
      this.dataSource
        .getRepository(EscalationView)
        .createQueryBuilder('e')
        .select('e.entidad', 'entidad')
        .addSelect('count(*)::int', 'open')
        .where("e.status <> 'resuelta'")
        .groupBy('e.entidad')
        .getRawMany<{ entidad: string; open: number }>(),
    ]);
    const openBy = new Map(open.map((row) => [row.entidad, row.open]));
    const entidades = new Set([...exercises.map((row) => row.entidad), ...stls.map((row) => row.entidad)]);
    return ENTIDADES_EN_ORDEN.filter((entidad) => entidades.has(entidad)).map((entidad) => {
      const exercise = currentExercise(exercises.filter((row) => row.entidad === entidad));
      const stl = stls.find((row) => row.entidad === entidad);
      return {
        entidad,
        ...(exercise && { exercise: exercise.summary }),
        ...(stl && { stl: stl.summary }),
        openEscalations: openBy.get(entidad) ?? 0,
      };
    });
  }

  async entidad(entidad: Entidad): Promise<EntidadRecord> {
    const manager = this.dataSource.manager;
    const [exercises, stl, members, sessions, escalations, events, removalEvents] = await Promise.all([
      manager.find(ExerciseView, { where: { entidad }, order: { number: 'ASC' } }),
      manager.findOneBy(StlView, { entidad }),
      manager.find(StlMemberView, { where: { entidad }, order: { sector: 'ASC', joinedOn: 'ASC' } }),
      manager.find(StlSessionView, { where: { entidad }, order: { date: 'DESC' } }),
      manager.find(EscalationView, { where: { entidad }, order: { raisedAt: 'DESC' } }),
      manager
        .createQueryBuilder(DomainEventRecord, 'e')
        .where('e.stream_id = :stl OR e.stream_id LIKE :exercises', {
          stl: stlWorkflowId(entidad),
          exercises: exerciseStreamsOf(entidad),
        })
        .orderBy('e.position', 'DESC')
        .limit(HISTORY_LIMIT)
        .getMany(),
      manager
        .createQueryBuilder(DomainEventRecord, 'e')
        .select(['e.type', 'e.data'])
        .where('e.stream_id = :stl AND e.type IN (:...types)', { stl: stlWorkflowId(entidad), types: REMOVAL_EVENT_TYPES })
        .orderBy('e.position', 'ASC')
        .getMany(),
    ]);
    const exercise = currentExercise(exercises);
    const commitments = exercise
      ? await manager.find(CommitmentView, { where: { exerciseId: exercise.id }, order: { commitmentId: 'ASC' } })
      : [];
    return {
      entidad,
      ...(exercise && { exercise: exercise.summary }),
      exerciseNumbers: exercises.map((row) => row.number),
      ...(stl && { stl: stl.summary }),
      members,
      sessions,
      commitments,
      escalations,
      events,
      removals: removalProceedings(removalEvents),
    };
  }

  /** Only what the public board shows: no members, no contact data, no audit trail. */
  async publicRecord(entidad: Entidad): Promise<Pick<EntidadRecord, 'exercise' | 'stl' | 'commitments' | 'sessions'>> {
    const manager = this.dataSource.manager;
    const [exercises, stl, sessions] = await Promise.all([
      manager.find(ExerciseView, { where: { entidad } }),
      manager.findOneBy(StlView, { entidad }),
      manager.find(StlSessionView, {
        where: { entidad },
        select: { entidad: true, sessionId: true, date: true, kind: true, status: true, minutes: true, historicalJustification: true },
        order: { date: 'DESC' },
      }),
    ]);
    const exercise = currentExercise(exercises);
    const commitments = exercise
      ? await manager.find(CommitmentView, { where: { exerciseId: exercise.id, launched: true }, order: { commitmentId: 'ASC' } })
      : [];
    return { ...(exercise && { exercise: exercise.summary }), ...(stl && { stl: stl.summary }), commitments, sessions };
  }

  async escalations(filter: EscalationFilter, readable: Readable): Promise<EscalationView[]> {
    const scope = readScope(readable, filter.entidad);
    if (!scope) return [];
    const status =
      filter.status === 'pendientes' ? Not('resuelta') : filter.status === undefined ? undefined : filter.status;
    return this.dataSource.getRepository(EscalationView).find({
      where: { ...entidadWhere(scope), ...(status && { status }) },
      order: { raisedAt: 'DESC' },
      take: 500,
    });
  }
}
