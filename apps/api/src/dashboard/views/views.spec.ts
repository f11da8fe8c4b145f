import { Script } from 'node:vm';
import { type ExerciseSummary } from '@app/domain';
import { type CommitmentView, type StlMemberView, type StlSessionView } from '@app/persistence';
import { ASSETS } from '../assets/dashboard-assets';
import { boardRow } from '../board/country-board';
import { type EntidadRecord } from '../read-model/dashboard-reader';
import { jaliscoExercise, stlFixture, userFixture } from '../testing/dashboard-fixtures';
import { boardView } from './board.view';
import { convocationAnswerView } from './convocation-answer.view';
import { entidadView } from './entidad.view';
import { governanceForm } from './governance.view';
import { stepGuidance } from './guidance.view';
import { eventDetail } from './history.view';
import { publicBoardView } from './public-board.view';
import { timelineBars } from './timeline.view';

const TODAY = '2026-11-20';

const member = (overrides: Partial<StlMemberView>): StlMemberView =>
  Object.assign({} as StlMemberView, {
    entidad: '14',
    memberId: '14-sociedadcivil-1',
    sector: 'sociedad_civil',
    role: 'titular',
    nombre: 'María <b>Ruiz</b>',
    organizacion: 'Ciudadanos por la Transparencia',
    cargo: null,
    email: 'maria@ejemplo.org.mx',
    seatId: '14-sociedadcivil-1',
    hasVote: true,
    joinedOn: '2026-04-21',
    ...overrides,
  });

const session = Object.assign({} as StlSessionView, {
  entidad: '14',
  sessionId: 'sesion-1',
  date: '2026-10-23',
  kind: 'ordinaria',
  status: 'celebrada',
  convokedOn: '2026-10-09',
  noticeDeadline: '2026-10-16',
  agenda: ['Seguimiento'],
  place: 'Sala de sesiones',
  link: 'https://reunion.ejemplo.org.mx/privada',
  quorum: true,
  attendance: { present: [], representedSeatIds: [], absentSeatIds: [], seatsPresent: 6, seatsActive: 9, civilSocietyPresent: true, quorum: true },
  decisions: [],
  minutes: { approvedOn: '2026-10-23', signedBy: [] },
  cancellation: null,
});

const commitment = Object.assign({} as CommitmentView, {
  exerciseId: 'exercise/14/1',
  commitmentId: 'C1',
  entidad: '14',
  title: 'Datos abiertos de obra pública',
  kind: 'agenda_nacional',
  completion: 'substantial',
  reportedOn: '2026-11-01',
  launched: true,
  data: { evidence: ['https://itei.example.org/avance.pdf'] },
});

function jaliscoRecord(): EntidadRecord {
  return {
    entidad: '14',
    exercise: jaliscoExercise(4),
    exerciseNumbers: [1],
    stl: stlFixture(),
    members: [member({}), member({ memberId: '14-gobierno-1', sector: 'gobierno', nombre: 'Luis Pérez', email: 'luis@ejemplo.org.mx' })],
    sessions: [session],
    commitments: [commitment],
    escalations: [],
    events: [],
    removals: [],
  };
}

describe('national board page', () => {
  it('shows one row per state with its step, the vacancy badge and the traffic light', () => {
    const rows = [boardRow({ entidad: '14', exercise: jaliscoExercise(10), stl: stlFixture(), openEscalations: 1 }, TODAY)];

    const page = boardView({ user: userFixture('coordinador'), today: TODAY, all: rows, shown: rows, filter: { orden: 'entidad' } }).value;

    expect(page).toContain('<html lang="es">');
    expect(page).toContain('data-entidad="14"');
    expect(page).toContain('Paso 3/6');
    expect(page).toContain('>Vacante<');
    expect(page).toContain('data-semaforo="verde"');
    expect(page).toContain('Situación al 20 de noviembre de 2026');
    expect(page).toContain('href="#contenido"');
  });
});

describe('state page', () => {
  it('offers the actions to an account that may command the state, and none to an integrante', () => {
    const forGarante = entidadView({ user: userFixture('garante', ['14']), today: TODAY, record: jaliscoRecord(), publicUrl: 'http://x/tablero/publico/14', newMemberId: '14-integrante-0a1b2c3d' }).value;
    const forIntegrante = entidadView({ user: userFixture('integrante', ['14']), today: TODAY, record: jaliscoRecord(), publicUrl: 'http://x/tablero/publico/14', newMemberId: '14-integrante-0a1b2c3d' }).value;

    expect(forGarante).toContain('data-api="/api/stls/14/sessions"');
    expect(forGarante).toContain('data-api="/api/exercises/14-1/stages/{stage}/complete"');
    expect(forGarante).toContain('data-api="/api/exercises/14-1/steps/{step}/complete"');
    expect(forGarante).toContain('data-notice-deadline="/api/calendar/notice-deadline?entidad=14"');
    expect(forGarante).toContain('data-api="/api/stls/14/members"');
    expect(forGarante).toContain('value="14-integrante-0a1b2c3d"');
    expect(forIntegrante).not.toContain('data-api=');
    expect(forIntegrante).toContain('Solo consulta');
  });

  it('escapes what people typed and never shows members’ e-mail addresses', () => {
    const page = entidadView({ user: userFixture('coordinador'), today: TODAY, record: jaliscoRecord(), publicUrl: 'http://x/tablero/publico/14', newMemberId: '14-integrante-0a1b2c3d' }).value;

    expect(page).toContain('María &lt;b&gt;Ruiz&lt;/b&gt;');
    expect(page).not.toContain('<b>Ruiz</b>');
    expect(page).not.toContain('maria@ejemplo.org.mx');
    expect(page).toContain('Con aviso suficiente');
    expect(page).toContain('6 de 9 representaciones, con sociedad civil');
  });

  it('an upcoming session shows who confirmed or declined through their link, by name, and the quorum forecast', () => {
    const upcoming = Object.assign({} as StlSessionView, session, {
      sessionId: 'sesion-2',
      date: '2026-12-10',
      status: 'convocada',
      quorum: null,
      attendance: null,
      minutes: null,
      forecast: {
        confirmed: ['14-sociedadcivil-1'],
        declined: ['14-gobierno-1'],
        unanswered: ['14-garante-1', '14-facilitadora'],
        quorum: { representedSeatIds: ['14-sociedadcivil-1'], absentSeatIds: [], seatsPresent: 1, seatsActive: 9, civilSocietyPresent: true, quorum: false, code: 'NO_QUORUM' },
      },
    });
    const record = { ...jaliscoRecord(), sessions: [upcoming, session] };

    const page = entidadView({ user: userFixture('garante', ['14']), today: TODAY, record, publicUrl: 'http://x/tablero/publico/14', newMemberId: '14-integrante-0a1b2c3d' }).value;

    expect(page).toContain('data-forecast="sin-quorum"');
    expect(page).toContain('Quórum no asegurado');
    expect(page).toContain('1 de 9 representaciones confirmadas, con sociedad civil');
    expect(page).toContain('Confirmaron: María &lt;b&gt;Ruiz&lt;/b&gt;');
    expect(page).toContain('No asistirán: Luis Pérez');
    expect(page).toContain('Sin respuesta: 2');
  });
});

describe('public board', () => {
  it('shows steps, commitments and sessions with their minutes, and nothing personal', () => {
    const page = publicBoardView({ entidad: '14', today: TODAY, exercise: jaliscoExercise(10), commitments: [commitment], sessions: [session], actsWithoutSession: [] }).value;

    expect(page).toContain('Tablero de seguimiento · Jalisco');
    expect(page.match(/<li class="[^"]*"[^>]*>\s*<span class="n">Paso/g)).toHaveLength(6);
    expect(page).toContain('Datos abiertos de obra pública');
    expect(page).toContain('Sustancial');
    expect(page).toContain('Acta aprobada');
    expect(page).not.toContain('@');
    expect(page).not.toContain('reunion.ejemplo.org.mx');
    expect(page).not.toContain('Cerrar sesión');
    expect(page).not.toContain('Acto histórico');
  });

  it('marks as the private board does the acts recorded after their day, with their justification, naming nobody', () => {
    const exercise = {
      ...jaliscoExercise(10),
      historicalActs: [{ act: 'lanzamiento', on: '2026-03-02', justification: 'El PAL se lanzó antes de usar el sistema.' }],
    } as ExerciseSummary;
    const page = publicBoardView({
      entidad: '14',
      today: TODAY,
      exercise,
      commitments: [commitment],
      sessions: [{ ...session, historicalJustification: 'Convocada por oficio.' }],
      actsWithoutSession: [{ act: { kind: 'remove_member', memberId: '14-gobierno-1' }, on: '2026-10-30', justification: 'Acuerdo en sesión sin acta.' }],
    }).value;

    expect(page).toMatch(/Acto histórico<\/span>\s*Lanzamiento del PAL del 2 de marzo de 2026: El PAL se lanzó antes de usar el sistema\./);
    expect(page).toMatch(/Acto histórico<\/span> Convocada por oficio\./);
    expect(page).toMatch(/Acto sin sesión registrada<\/span>\s*La remoción de un integrante, del 30 de octubre de 2026: Acuerdo en sesión sin acta\./);
    expect(page).not.toContain('14-gobierno-1');
  });
});

describe('timeline', () => {
  it('draws completed stages from the end of the previous one, the current one until today, and leaves the rest', () => {
    const bars = timelineBars(jaliscoExercise(2), TODAY);
    const bar = (label: string) => bars.find((candidate) => candidate.label.startsWith(label));

    expect(bar('Paso 1.')).toMatchObject({ from: '2026-01-12', to: '2026-01-20', state: 'done' });
    expect(bar('Etapa 1.')).toMatchObject({ from: '2026-01-12', to: '2026-02-02', state: 'done' });
    expect(bar('Etapa 2.')).toMatchObject({ from: '2026-02-02', to: '2026-02-03', state: 'done' });
    expect(bar('Etapa 3.')).toMatchObject({ from: '2026-02-03', to: TODAY, state: 'current' });
    expect(bar('Etapa 4.')).toEqual(expect.objectContaining({ state: 'pending' }));
    expect(bar('Etapa 4.')?.from).toBeUndefined();
    expect(bars).toHaveLength(16);
  });
});

describe('audit trail', () => {
  it('says in one line what each event was about', () => {
    expect(eventDetail('StageCompleted', { stage: 3, completedOn: '2026-02-04' })).toBe('Etapa 3 · 4 de febrero de 2026');
    expect(eventDetail('SessionConvened', { date: '2026-12-02', convokedOn: '2026-11-20' })).toBe('Sesión del 2 de diciembre de 2026');
    expect(eventDetail('EscalationRaised', { escalation: { reason: 'El STL no sesionó.' } })).toBe('El STL no sesionó.');
    expect(eventDetail('CompositionWarningsChanged', { warnings: [] })).toBe('Sin advertencias: la composición quedó en regla');
    expect(eventDetail('CompositionWarningsChanged', { warnings: [{ code: 'FACILITADOR_VACANT', message: 'Facilitador vacante.' }] })).toBe(
      'Facilitador vacante.',
    );
  });
});

describe('board script', () => {
  it('is valid JavaScript', () => {
    // Compiled, not run: it needs a browser.
    expect(() => new Script(ASSETS['tablero.js'].body)).not.toThrow();
  });
});

describe('the page of a convocation’s personal link', () => {
  // Issue 17, item 7: "a real convocation states the hour and the place".
  it('states the day, the hour in Mexico City time and the place', () => {
    const view = (startTime?: string, endTime?: string) =>
      convocationAnswerView({
        token: 'token',
        entidad: '30',
        nombre: 'Ana Ruiz',
        session: { date: '2026-12-21', kind: 'ordinaria', place: 'Sala de juntas', agenda: [], ...(startTime && { startTime }), ...(endTime && { endTime }) },
        answer: null,
      }).value;

    expect(view('10:00', '13:30')).toContain('sesión ordinaria del 21 de diciembre de 2026, de 10:00 a 13:30 h (hora de la Ciudad de México), Sala de juntas.');
    expect(view('10:00')).toContain('del 21 de diciembre de 2026, a las 10:00 h (hora de la Ciudad de México), Sala de juntas.');
    expect(view()).toContain('del 21 de diciembre de 2026, Sala de juntas.');
  });
});

describe('«Lo que falta» at step 6', () => {
  it('names the six-month monitoring once, with its due date and its form, as the API lists it', () => {
    const exercise: ExerciseSummary = {
      ...jaliscoExercise(10),
      currentStep: 6,
      monitoringDueOn: '2027-05-20',
      monitoringCompletedOn: undefined,
      missingForCurrentStep: [
        { code: 'monitoreo', label: 'registrar el monitoreo de los seis meses' },
        { code: 'micrositio', label: 'registrar el micrositio del organismo garante' },
      ],
    };

    const guidance = stepGuidance({ ...jaliscoRecord(), exercise }, true).value;

    expect(guidance.match(/monitoreo de los seis meses/g)).toHaveLength(1);
    expect(guidance).toContain('Registrar el monitoreo de los seis meses (vence el 20 de mayo de 2027)');
    expect(guidance).toContain('form-monitoreo');
  });
});

describe('«Lo que falta» at step 3, stage 10 concluded before the titulares (issue 21, case 2)', () => {
  const exercise: ExerciseSummary = {
    ...jaliscoExercise(10),
    currentStep: 3,
    missingForCurrentStep: [{ code: 'stl_instalado', label: 'instalar el STL y firmar su acta de instalación' }],
  };
  const record = (stl = stlFixture({ status: 'en_integracion', installedOn: undefined })): EntidadRecord => ({ ...jaliscoRecord(), exercise, stl });
  const pageFor = (role: 'coordinador' | 'integrante', entidadRecord = record()) =>
    entidadView({ user: userFixture(role, ['14']), today: TODAY, record: entidadRecord, publicUrl: 'http://x/tablero/publico/14', newMemberId: '14-integrante-0a1b2c3d' }).value;

  it('links the installation to its form, which records it on the STL', () => {
    const page = pageFor('coordinador');

    expect(stepGuidance(record(), true).value).toContain('<a href="#form-instalacion">Instalar el STL y firmar su acta de instalación</a>');
    expect(page).toContain('<details class="action" id="form-instalacion">');
    expect(page).toContain('data-api="/api/stls/14/installation"');
    expect(page).toContain('name="installedOn"');
    expect(page).toContain('name="actaUrl"');
  });

  it('offers no installation form to an integrante, nor once the STL is installed', () => {
    expect(pageFor('integrante')).not.toContain('form-instalacion');
    expect(pageFor('coordinador', record(stlFixture()))).not.toContain('id="form-instalacion"');
  });
});

describe('«Lo que falta» asks for the STL’s own mechanism (guia-instalacion-stl.txt, stage 9)', () => {
  // "se acordará el mecanismo de gobernanza que regirá su actuación": the exercise's document is not the STL's adoption.
  const provisional = (stl = stlFixture({ status: 'en_integracion', installedOn: undefined })) =>
    stlFixture({ ...stl, governance: { ...stl.governance, adopted: false } });
  const adoption = '<a href="#form-mecanismo-stl">Adoptar en el STL su mecanismo de gobernanza (etapa 9)</a>';

  it('from step 2 on, linked to the STL’s form, while only the registration’s provisional version applies', () => {
    const exercise: ExerciseSummary = { ...jaliscoExercise(5), currentStep: 2, missingForCurrentStep: [] };

    expect(stepGuidance({ ...jaliscoRecord(), exercise, stl: provisional() }, true).value).toContain(adoption);
    expect(stepGuidance({ ...jaliscoRecord(), exercise, stl: stlFixture({ status: 'en_integracion', installedOn: undefined }) }, true).value).not.toContain(
      'form-mecanismo-stl',
    );
  });

  it('opens a form that adopts (not "changes") a first mechanism, dated, although the STL is installed', () => {
    const form = governanceForm('14', provisional(stlFixture()), [], TODAY).value;

    expect(form).toContain('Adoptar el mecanismo de gobernanza (etapa 9)');
    expect(form).not.toContain('Cambiar el mecanismo');
    expect(form).toContain('id="mecanismo-stl-fecha" name="adoptedOn"');
    expect(form).toContain('id="mecanismo-stl-justificacion"');
    expect(governanceForm('14', stlFixture(), [], TODAY).value).toContain('Cambiar el mecanismo de gobernanza');
  });

  it('once at step 3, where the API lists it', () => {
    const exercise: ExerciseSummary = {
      ...jaliscoExercise(10),
      currentStep: 3,
      missingForCurrentStep: [{ code: 'mecanismo_del_stl', label: 'adoptar en el STL su mecanismo de gobernanza (etapa 9)' }],
    };

    const guidance = stepGuidance({ ...jaliscoRecord(), exercise, stl: provisional(stlFixture()) }, true).value;

    expect(guidance.split(adoption)).toHaveLength(2);
  });
});
