import { listPageJson } from './exercise-list';

describe('the page of GET /api/exercises, assembled from the JSON text PostgreSQL sends', () => {
  const resourceId = (workflowId: string) => workflowId.replace(/^exercise\/(\d{2})\/(\d+)$/, '$1-$2');

  it('is a JSON array whose items lead with their ids and keep every field of the stored item', () => {
    const rows = [
      { id: 'exercise/14/1', item: '{"entidad": "14", "number": 1, "commitments": {"total": 5}}' },
      { id: 'exercise/22/2', item: '{"entidad": "22", "entidadName": "Querétaro", "reason": "dijo \\"no\\", luego {sí}"}' },
    ];

    const page = JSON.parse(listPageJson(rows, resourceId)) as unknown;

    expect(page).toEqual([
      { id: '14-1', workflowId: 'exercise/14/1', entidad: '14', number: 1, commitments: { total: 5 } },
      { id: '22-2', workflowId: 'exercise/22/2', entidad: '22', entidadName: 'Querétaro', reason: 'dijo "no", luego {sí}' },
    ]);
  });

  it('is an empty array for an empty page', () => {
    expect(listPageJson([], resourceId)).toBe('[]');
  });

  it('refuses an item that is not a non-empty object rather than send broken JSON', () => {
    expect(() => listPageJson([{ id: 'exercise/14/1', item: '{}' }], resourceId)).toThrow(/exercise\/14\/1/);
    expect(() => listPageJson([{ id: 'exercise/14/1', item: '[1]' }], resourceId)).toThrow();
  });
});
