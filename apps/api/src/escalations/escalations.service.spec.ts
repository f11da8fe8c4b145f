import { exerciseUpdates, stlUpdates } from '@app/contracts';
import { type Escalation } from '@app/domain';
import { escalationRow, type EscalationView } from '@app/persistence';
import { type DataSource } from 'typeorm';
import { ApiProblem } from '../errors/api-problem';
import { type WorkflowCommands } from '../temporal/workflow-commands';
import { escalationResourceId } from './escalation-id';
import { EscalationsService } from './escalations.service';

const stall: Escalation = {
  id: 'stall:2026-01-10:enlace',
  kind: 'stall_escalation_enlace',
  level: 'enlace',
  raisedAt: '2026-02-24T18:00:00.000Z',
  reason: 'El ejercicio de Jalisco no avanza desde el 10 de enero de 2026.',
  status: 'abierta',
};

/** A row of the escalations projection, as the append writes it from `escalation`. */
const rowOf = (streamId: string, entidad: string, escalation: Escalation): Partial<EscalationView> => escalationRow(streamId, entidad, escalation);

/** The service against an escalations table holding `rows`, whose command's append writes `after` over its row. */
function serviceWith(rows: Partial<EscalationView>[], after?: Partial<EscalationView>) {
  let table = [...rows];
  const execute = jest.fn(() => {
    if (after) table = table.map((row) => (row.id === after.id ? after : row));
    return Promise.resolve({ version: 9, events: [] });
  });
  const find = (id: string) => Promise.resolve(table.find((row) => row.id === id) ?? null);
  const findOne = jest.fn(({ where }: { where: { id: string } }) => find(where.id));
  const findOneBy = jest.fn((where: { id: string }) => find(where.id));
  const dataSource = { getRepository: () => ({ findOne, findOneBy }) } as unknown as DataSource;
  const service = new EscalationsService({ execute } as unknown as WorkflowCommands, dataSource);
  return { service, execute };
}

describe('acknowledging and resolving an escalation reach the workflow that raised it', () => {
  it('an exercise stall goes to exercise/<entidad>/<n> as exerciseUpdates.AcknowledgeEscalation', async () => {
    const acknowledged = { ...stall, status: 'reconocida' as const, acknowledgedBy: 'enlace', acknowledgedAt: '2026-02-25T16:00:00.000Z' };
    const { service, execute } = serviceWith([rowOf('exercise/14/1', '14', stall)], rowOf('exercise/14/1', '14', acknowledged));

    const answer = await service.acknowledge(escalationResourceId(`exercise/14/1#${stall.id}`), 'enlace');

    expect(execute).toHaveBeenCalledWith(
      'exercise/14/1',
      exerciseUpdates.AcknowledgeEscalation,
      { data: { escalationId: stall.id }, actor: 'enlace' },
      expect.objectContaining({ code: 'ESCALATION_NOT_FOUND' }),
    );
    expect(answer).toMatchObject({ source: 'exercise', exerciseId: '14-1', entidadName: 'Jalisco', status: 'reconocida', acknowledgedBy: 'enlace' });
  });

  it('an STL vacancy goes to stl/<entidad> as stlUpdates.ResolveEscalation with the resolution', async () => {
    const vacancy: Escalation = { ...stall, id: 'vacante:2026-05-01:escalamiento:1', kind: 'vacancy_escalation' };
    const resolved = { ...vacancy, status: 'resuelta' as const, resolvedAt: '2026-06-01T16:00:00.000Z', resolution: 'Designado.' };
    const { service, execute } = serviceWith([rowOf('stl/20', '20', vacancy)], rowOf('stl/20', '20', resolved));

    const answer = await service.resolve(escalationResourceId(`stl/20#${vacancy.id}`), 'Designado.', 'coordinador');

    expect(execute).toHaveBeenCalledWith(
      'stl/20',
      stlUpdates.ResolveEscalation,
      { data: { escalationId: vacancy.id, resolution: 'Designado.' }, actor: 'coordinador' },
      expect.anything(),
    );
    expect(answer).toMatchObject({ source: 'stl', entidad: '20', status: 'resuelta', resolution: 'Designado.' });
    expect(answer).not.toHaveProperty('exerciseId');
  });

  it.each([
    ['an id that decodes to nothing', 'eA', []],
    ['no such row', escalationResourceId('stl/20#otra'), [{ id: 'stl/20#una', entidad: '20' }]],
    ['a row of another state than its id says', escalationResourceId('stl/20#una'), [{ id: 'stl/20#una', entidad: '14' }]],
  ])('answers 404 ESCALATION_NOT_FOUND to %s, without asking any workflow', async (_case, id, rows) => {
    const { service, execute } = serviceWith(rows);

    const refusal = await service.acknowledge(id, 'coordinador').catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(ApiProblem);
    expect((refusal as ApiProblem).body).toMatchObject({ statusCode: 404, code: 'ESCALATION_NOT_FOUND' });
    expect(execute).not.toHaveBeenCalled();
  });
});
