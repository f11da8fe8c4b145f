import { e2eApi } from './support/http';

/** A strict RFC 4180 reader: quoted fields with doubled quotes, CRLF between records, the same width everywhere. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else if (char === '\n' || char === '\r') {
      throw new Error(`bare line break at ${i}: records end with CRLF`);
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** Anything that looks like an e-mail address (members, users and notifications hold them; open data never does). */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const SEEDED = ['02', '04', '05', '10', '14', '16', '17', '19', '20', '24', '25', '26', '27', '29', '30', '32'];

describe('open data: every exercise, to anyone, as CSV and JSON', () => {
  const api = e2eApi();

  it('serves the JSON without a token: one record per exercise, with its dates and commitments', async () => {
    const response = await api.get('/api/open-data/exercises.json');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { exercises, count, generatedAt } = response.body as { exercises: Record<string, any>[]; count: number; generatedAt: string };
    expect(count).toBe(exercises.length);
    expect(Date.parse(generatedAt)).not.toBeNaN();
    expect(exercises.map((exercise) => exercise.entidad)).toEqual(expect.arrayContaining(SEEDED));
    const launched = exercises.find((exercise) => exercise.palLaunchedOn !== null)!;
    expect(launched).toMatchObject({
      id: expect.stringMatching(/^\d{2}-\d+$/),
      entidadName: expect.any(String),
      status: 'open',
      currentStep: 6,
      currentStepName: expect.any(String),
      startedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      monitoringDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      evaluationDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      commitments: { total: 5, launched: true, byCompletion: expect.objectContaining({ not_started: expect.any(Number) }) },
    });
    expect(launched.commitments.items[0]).toEqual({ id: 'C1', title: expect.any(String), kind: 'agenda_nacional', completion: expect.any(String) });
  });

  it('serves the CSV as an RFC 4180 attachment in UTF-8 with a byte-order mark and a header', async () => {
    const response = await fetch(`${process.env.E2E_API_URL}/api/open-data/exercises.csv`);
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w-]+\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header.slice(0, 5)).toEqual(['id', 'entidad', 'entidadName', 'number', 'status']);
    expect(header).toEqual(expect.arrayContaining(['currentStep', 'currentStage', 'palLaunchedOn', 'monitoringDueOn', 'evaluationDueOn', 'closedOn', 'commitments', 'commitmentsComplete']));
    expect(records.every((record) => record.length === header.length)).toBe(true);
    const column = (name: string) => header.indexOf(name);
    const nuevoLeon = records.find((record) => record[column('entidad')] === '19');
    expect(nuevoLeon?.[column('entidadName')]).toBe('Nuevo León');
  });

  it('says the same in both formats', async () => {
    const json = (await api.get('/api/open-data/exercises.json')).body.exercises as Record<string, any>[];
    const [header, ...records] = parseCsv((await api.get<string>('/api/open-data/exercises.csv')).body.replace(/^\uFEFF/, ''));
    const completions = ['not_started', 'limited', 'substantial', 'complete', 'withdrawn'];

    const fromJson = json.map((exercise) => [
      exercise.id,
      exercise.entidad,
      String(exercise.currentStep),
      exercise.palLaunchedOn ?? '',
      String(exercise.commitments.total),
      ...completions.map((completion) => String(exercise.commitments.byCompletion[completion])),
    ]);
    const fromCsv = records.map((record) =>
      ['id', 'entidad', 'currentStep', 'palLaunchedOn', 'commitments', 'commitmentsNotStarted', 'commitmentsLimited', 'commitmentsSubstantial', 'commitmentsComplete', 'commitmentsWithdrawn'].map(
        (name) => record[header.indexOf(name)],
      ),
    );
    expect(fromCsv).toEqual(fromJson);
  });

  it('never publishes an e-mail address or a person of the STL', async () => {
    const json = await api.get<string>('/api/open-data/exercises.json', { accept: 'application/json' });
    const csv = await api.get<string>('/api/open-data/exercises.csv');
    const jsonText = JSON.stringify(json.body);

    for (const text of [jsonText, csv.body]) {
      expect(text).not.toMatch(EMAIL);
      expect(text).not.toMatch(/ejemplo\.org\.mx|facilitador"|"nombre"|responsibles|evidence/);
    }
  });

  it('is documented as public (no bearer) in the OpenAPI document', async () => {
    const document = (await api.get('/api/docs-json')).body;

    for (const path of ['/api/open-data/exercises.json', '/api/open-data/exercises.csv']) {
      expect(document.paths[path].get.security ?? []).toEqual([]);
    }
    expect(Object.keys(document.paths['/api/open-data/exercises.csv'].get.responses['200'].content)).toEqual(['text/csv']);
  });
});
