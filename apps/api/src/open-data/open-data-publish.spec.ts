import { type OpenDataRow, publishExercise } from './open-data.service';

const draft: OpenDataRow['commitments'] = {
  total: 2,
  byCompletion: { not_started: 2, limited: 0, substantial: 0, complete: 0, withdrawn: 0 },
  items: [
    { id: 'C1', title: 'Borrador de la mesa de salud', kind: 'agenda_nacional', completion: 'not_started' },
    { id: 'C2', title: 'Borrador de la mesa de agua', kind: 'agenda_local', completion: 'not_started' },
  ],
} as unknown as OpenDataRow['commitments'];

const jalisco: OpenDataRow = {
  id: '14/1',
  entidad: '14',
  number: 1,
  status: 'open',
  current_step: 5,
  current_stage: 18,
  started_on: '2026-01-12',
  last_progress_on: '2026-06-01',
  pal_launched_on: null,
  monitoring_due_on: null,
  monitoring_completed_on: null,
  evaluation_due_on: null,
  evaluation_completed_on: null,
  closed_on: null,
  commitments: draft,
};

describe('open data and the PAL', () => {
  it('publishes nothing of the mesas’ draft before the launch, as the public board shows nothing', () => {
    const published = publishExercise(jalisco);

    expect(published.commitments).toEqual({
      total: 0,
      launched: false,
      byCompletion: { not_started: 0, limited: 0, substantial: 0, complete: 0, withdrawn: 0 },
      items: [],
    });
  });

  it('publishes the commitments once the PAL is launched', () => {
    const published = publishExercise({ ...jalisco, pal_launched_on: '2026-07-01' });

    expect(published.commitments).toMatchObject({ total: 2, launched: true });
    expect(published.commitments.items.map((item) => item.title)).toEqual(['Borrador de la mesa de salud', 'Borrador de la mesa de agua']);
  });
});
