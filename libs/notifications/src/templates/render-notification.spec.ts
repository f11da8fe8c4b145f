import { type NotificationContent } from '../plan/notification-content';
import { NOTIFICATION_KINDS } from '../plan/notification-kind';
import { renderNotification } from './render-notification';

const options = { publicBaseUrl: 'http://127.0.0.1:3000/' };
const garante = { nombre: 'Titular del ITEI', addressee: 'garante' } as const;
const session = {
  sessionId: 'ordinaria-2026-12',
  date: '2026-12-08',
  kind: 'ordinaria',
  agenda: ['Lista de asistencia', 'Avance del PAL; acuerdos'],
  place: 'Sala del ITEI, Guadalajara',
  link: 'https://meet.ejemplo.mx/stl-14',
} as const;

/** One content of each kind, about Jalisco, each with a different date in its subject. */
const examples: Record<NotificationContent['kind'], NotificationContent> = {
  convene_session: { kind: 'convene_session', entidad: '14', sessionDueOn: '2026-11-01', convokeBy: '2026-10-26', message: 'El STL de Jalisco debe sesionar.' },
  session_convened: { kind: 'session_convened', entidad: '14', session, convokedOn: '2026-11-23', convenedAt: '2026-11-23T16:00:00.000Z' },
  session_cancelled: { kind: 'session_cancelled', entidad: '14', session, cancelledOn: '2026-12-01', reason: 'Falta de sede', cancelledAt: '2026-12-01T16:00:00.000Z' },
  session_rescheduled: { kind: 'session_rescheduled', entidad: '14', session: { ...session, sequence: 1 }, previousDate: '2026-12-01', reason: 'Falta de sede', rescheduledAt: '2026-11-25T16:00:00.000Z' },
  session_tomorrow: { kind: 'session_tomorrow', entidad: '14', session, message: 'Mañana sesiona el STL.' },
  convocation_reminder: { kind: 'convocation_reminder', entidad: '14', session, message: 'Confirme su asistencia.' },
  stage_stalled: { kind: 'stage_stalled', entidad: '14', exerciseNumber: 1, stalledSince: '2026-01-12', actBy: '2026-02-26', message: 'Sin avances en el ejercicio 1 de Jalisco.' },
  facilitador_vacant: { kind: 'facilitador_vacant', entidad: '14', vacantSince: '2026-11-02', escalatesOn: '2026-12-02', reason: 'Renunció', followUp: false },
  monitoring_due: { kind: 'monitoring_due', entidad: '14', exerciseNumber: 1, dueOn: '2026-11-04', arrived: false, message: 'El monitoreo corresponde pronto.' },
  evaluation_due: { kind: 'evaluation_due', entidad: '14', exerciseNumber: 1, dueOn: '2027-05-04', arrived: true, message: 'Concluyó el año del PAL.' },
  term_warning: {
    kind: 'term_warning',
    entidad: '14',
    exerciseNumber: 1,
    startedOn: '2026-01-12',
    warningOn: '2026-12-12',
    termEndsOn: '2027-01-12',
    standing: 'paso 2 (Construcción del STL), etapa 5 (Convocatoria del STL)',
    writtenOn: '2026-12-12',
  },
  progress_reminder: {
    kind: 'progress_reminder',
    entidad: '14',
    exerciseNumber: 1,
    launchedOn: '2026-05-04',
    periodFrom: '2026-07-04',
    periodTo: '2026-09-04',
    commitments: [
      { id: 'c1', title: 'Datos abiertos de obra pública', lastReportedOn: null },
      { id: 'c3', title: 'Presupuesto ciudadano', lastReportedOn: '2026-06-20' },
    ],
    nextReminderOn: '2026-11-04',
    writtenOn: '2026-09-04',
  },
  escalation_enlace: { kind: 'escalation_enlace', escalationId: 'facilitador-vacante:2026-11-02:escalamiento:2026-12-02', entidad: '14', topic: 'facilitador vacante', reason: 'Sigue vacante (30 días).', raisedOn: '2026-12-02', dueOn: '2026-12-02', nextOn: '2026-12-09' },
  escalation_coordinador: { kind: 'escalation_coordinador', escalationId: 'stall:2026-01-12:coordinador', entidad: '14', topic: 'ejercicio 1 sin avances', reason: 'Lleva 60 días sin avances.', raisedOn: '2026-03-13', dueOn: '2026-03-13', nextOn: null },
  escalation_resolved: { kind: 'escalation_resolved', escalationId: 'cadencia:2026-09-01:escalamiento', entidad: '14', topic: 'sesión bimestral sin celebrar', resolution: 'Se convocó la sesión', resolvedOn: '2026-11-04' },
  minutes_ready: { kind: 'minutes_ready', entidad: '14', session, signBy: '2027-02-08' },
  history_recorded: {
    kind: 'history_recorded',
    entidad: '14',
    recordedOn: '2026-12-02',
    overdue: [
      { kind: 'cadence_reminder', topic: 'sesión bimestral sin celebrar', dueOn: '2026-10-19' },
      { kind: 'cadence_escalation', topic: 'sesión bimestral sin celebrar', dueOn: '2026-11-02' },
    ],
  },
};

const SUBJECT_DATES: Record<NotificationContent['kind'], string> = {
  convene_session: '26 de octubre de 2026',
  session_convened: '8 de diciembre de 2026',
  session_cancelled: '8 de diciembre de 2026',
  session_rescheduled: '8 de diciembre de 2026',
  session_tomorrow: '8 de diciembre de 2026',
  convocation_reminder: '8 de diciembre de 2026',
  stage_stalled: '26 de febrero de 2026',
  facilitador_vacant: '2 de noviembre de 2026',
  monitoring_due: '4 de noviembre de 2026',
  evaluation_due: '4 de mayo de 2027',
  term_warning: '12 de enero de 2027',
  progress_reminder: '4 de septiembre de 2026',
  escalation_enlace: '2 de diciembre de 2026',
  escalation_coordinador: '13 de marzo de 2026',
  escalation_resolved: '4 de noviembre de 2026',
  minutes_ready: '8 de diciembre de 2026',
  history_recorded: '2 de diciembre de 2026',
};

describe('renderNotification: Spanish e-mails', () => {
  it.each(NOTIFICATION_KINDS)('%s: the subject names the state and the date; the body says what to do and links the state', (kind) => {
    const message = renderNotification(examples[kind], garante, options);

    expect(message.subject).toContain('Jalisco');
    expect(message.subject).toContain(SUBJECT_DATES[kind]);
    expect(message.text).toMatch(/^Estimado\(a\) Titular del ITEI:/);
    expect(message.text).toContain('Qué hacer: ');
    expect(message.text).toContain('Consulte la entidad en el tablero: http://127.0.0.1:3000/tablero/entidades/14');
    expect(message.text).toContain('Recibe este aviso como organismo garante en el STL de Jalisco.');
    expect(message.html).toContain('<a href="http://127.0.0.1:3000/tablero/entidades/14">');
  });

  it('a vacated facilitador: what happened, what to do and by when, with weekday dates', () => {
    const message = renderNotification(examples.facilitador_vacant, garante, options);

    expect(message.subject).toBe('STL de Jalisco: el puesto de facilitador quedó vacante el 2 de noviembre de 2026');
    expect(message.text).toContain('El puesto de facilitador del STL de Jalisco está vacante desde el lunes 2 de noviembre de 2026.');
    expect(message.text).toContain('Motivo registrado: Renunció.');
    expect(message.text).toContain(
      'Qué hacer: Proponga al STL un nuevo facilitador, preferentemente de la academia o de la sociedad civil, y ' +
        'registre su nombramiento en el sistema. Si el puesto sigue vacante el miércoles 2 de diciembre de 2026, se ' +
        'escalará al enlace del INAI.',
    );
    expect(message.text).toContain('Fecha límite: miércoles 2 de diciembre de 2026');
  });

  it('a reason that already ends its sentence keeps a single period', () => {
    const vacated = { kind: 'facilitador_vacant', entidad: '14', vacantSince: '2026-11-02', escalatesOn: '2026-12-02', followUp: false } as const;
    const message = renderNotification({ ...vacated, reason: 'Renuncia presentada ante el STL.' }, garante, options);

    expect(message.text).toContain('Motivo registrado: Renuncia presentada ante el STL.\n');
  });

  it('the enlace reads the same news with its own task', () => {
    const message = renderNotification(examples.facilitador_vacant, { nombre: 'Enlace', addressee: 'enlace' }, options);

    expect(message.text).toContain(
      'Qué hacer: Dé seguimiento con el organismo garante para que el STL nombre a un nuevo facilitador. Si el puesto ' +
        'sigue vacante el miércoles 2 de diciembre de 2026, se le escalará formalmente.',
    );
    expect(message.text).toContain('Recibe este aviso como enlace del INAI para Jalisco.');
  });

  it('a convocation lists the order of the day, the place and the link, and points to the .ics', () => {
    const message = renderNotification(examples.session_convened, { nombre: 'Integrante', addressee: 'integrantes' }, options);

    expect(message.subject).toBe('STL de Jalisco: sesión ordinaria convocada para el 8 de diciembre de 2026');
    expect(message.text).toContain('Orden del día:\n  1. Lista de asistencia\n  2. Avance del PAL; acuerdos');
    expect(message.text).toContain('Lugar: Sala del ITEI, Guadalajara.');
    expect(message.text).toContain('Enlace para conectarse: https://meet.ejemplo.mx/stl-14');
    expect(message.text).toContain('archivo adjunto (.ics)');
    expect(message.html).toContain('<ol><li>Lista de asistencia</li><li>Avance del PAL; acuerdos</li></ol>');
  });

  it('a convocation states the hour in Mexico City time when the session has one, and none otherwise', () => {
    const timed = { ...examples.session_convened, session: { ...session, startTime: '10:00', endTime: '12:00' } } as NotificationContent;
    const message = renderNotification(timed, { nombre: 'Integrante', addressee: 'integrantes' }, options);
    const allDay = renderNotification(examples.session_convened, { nombre: 'Integrante', addressee: 'integrantes' }, options);

    expect(message.text).toContain('de 10:00 a 12:00 h (hora de la Ciudad de México)');
    expect(allDay.text).not.toContain('hora de la Ciudad de México');
  });

  it('an escalation with no further step asks for attention without a date', () => {
    const message = renderNotification(examples.escalation_coordinador, { nombre: 'Coordinadora', addressee: 'coordinador' }, options);

    expect(message.subject).toBe('Escalamiento a la coordinación — Jalisco: ejercicio 1 sin avances, plazo vencido el 13 de marzo de 2026');
    expect(message.text).toContain('atiende el escalamiento a la brevedad.');
    expect(message.text).not.toContain('Fecha límite');
  });

  it('a suplente is asked to stand in, never to warn a suplente of their own (issue 22, item 9)', () => {
    const suplente = { nombre: 'Suplente del ITEI', addressee: 'integrantes', suplente: true } as const;
    for (const kind of ['session_convened', 'session_tomorrow'] as const) {
      const toSuplente = renderNotification(examples[kind], suplente, options);
      const toTitular = renderNotification(examples[kind], { nombre: 'Titular', addressee: 'integrantes' }, options);

      expect(toSuplente.text).toContain('Como suplente, asista si el titular de su sector no puede hacerlo');
      expect(toSuplente.text).not.toContain('su suplente');
      expect(toTitular.text).toContain('su suplente');
    }
  });

  it('the meeting link is a link in the HTML, and stays plain in the text (issue 22, item 9)', () => {
    const message = renderNotification(examples.session_convened, { nombre: 'Integrante', addressee: 'integrantes' }, options);

    expect(message.html).toContain('<p>Enlace para conectarse: <a href="https://meet.ejemplo.mx/stl-14">https://meet.ejemplo.mx/stl-14</a></p>');
    expect(message.text).toContain('Enlace para conectarse: https://meet.ejemplo.mx/stl-14\n');
  });

  it('an escalation for the enlace that reaches the coordinación instead says why', () => {
    const instead = renderNotification(examples.escalation_enlace, { nombre: 'Coordinadora', addressee: 'coordinador' }, options);
    const usual = renderNotification(examples.escalation_enlace, { nombre: 'Enlace', addressee: 'enlace' }, options);

    expect(instead.text).toContain('Le llega a la coordinación porque ningún enlace del INAI con correo tiene asignada Jalisco.');
    expect(usual.text).not.toContain('Le llega a la coordinación');
  });

  it('month 11 of the six steps: the start, the elapsed days and the twelve months’ end, to the garante', () => {
    // seis-pasos-2016.txt: "deben seguir seis pasos mínimos a lo largo de un periodo de 12 meses".
    const message = renderNotification(examples.term_warning, garante, options);

    expect(message.subject).toBe('Jalisco: el ejercicio 1 lleva once meses; los doce meses de los seis pasos vencen el 12 de enero de 2027');
    expect(message.text).toContain(
      'El ejercicio 1 de Jalisco inició el lunes 12 de enero de 2026 y hoy cumple once meses: lleva 334 días. ' +
        'Va en el paso 2 (Construcción del STL), etapa 5 (Convocatoria del STL).',
    );
    expect(message.text).toContain('que se cumplen el martes 12 de enero de 2027.');
    expect(message.text).toContain('lance el PAL a más tardar el martes 12 de enero de 2027; si para entonces no se ha lanzado, el caso se escalará');
    expect(message.text).toContain('Fecha límite: martes 12 de enero de 2027\n');
  });

  it('month 11 written late (a worker that was down) says it in the past, and counts the real days', () => {
    const late = renderNotification({ ...examples.term_warning, writtenOn: '2027-01-12' } as NotificationContent, garante, { ...options, today: '2027-01-12' });

    expect(late.text).toContain('inició el lunes 12 de enero de 2026 y cumplió once meses el sábado 12 de diciembre de 2026: lleva 365 días.');
    expect(late.text).toContain('que se cumplen hoy, martes 12 de enero de 2027.');
    expect(late.text).not.toContain('hoy cumple once meses');
  });

  it('commitments without progress in a bimester: each with its last report or none since the launch, and the next check', () => {
    const message = renderNotification(examples.progress_reminder, garante, options);

    expect(message.subject).toBe('Jalisco: 2 compromisos del PAL sin reporte de avance en el bimestre que concluyó el 4 de septiembre de 2026');
    expect(message.text).toContain(
      'En el bimestre del sábado 4 de julio de 2026 al viernes 4 de septiembre de 2026 no se registró avance de 2 ' +
        'compromisos del PAL de Jalisco (ejercicio 1, lanzado el lunes 4 de mayo de 2026).',
    );
    expect(message.text).toContain('  1. Datos abiertos de obra pública (c1): sin reportes desde el lanzamiento del PAL, hace 123 días.');
    expect(message.text).toContain('  2. Presupuesto ciudadano (c3): último reporte el sábado 20 de junio de 2026, hace 76 días.');
    expect(message.text).toContain('micrositio antes del miércoles 4 de noviembre de 2026, cuando se revisa el bimestre siguiente.');
  });

  it('names the period the STL’s mechanism sets: a quarterly STL reads «trimestre»', () => {
    const quarterly = { ...examples.progress_reminder, periodFrom: '2026-05-04', periodTo: '2026-08-04', periodMonths: 3, nextReminderOn: '2026-11-04', writtenOn: '2026-08-04' };
    const message = renderNotification(quarterly, garante, options);

    expect(message.subject).toBe('Jalisco: 2 compromisos del PAL sin reporte de avance en el trimestre que concluyó el 4 de agosto de 2026');
    expect(message.text).toContain('En el trimestre del lunes 4 de mayo de 2026 al martes 4 de agosto de 2026 no se registró avance');
    expect(message.text).toContain('cuando se revisa el trimestre siguiente.');
    expect(message.text).not.toContain('bimestre');
  });

  it('the twelve months’ escalation reaches the enlace too, with the enlace’s own task', () => {
    const twelve = {
      ...examples.escalation_coordinador,
      escalationId: 'doce-meses:2026-01-12:escalamiento',
      topic: 'ejercicio 1: doce meses de los seis pasos',
      dueOn: '2027-01-12',
    } as NotificationContent;

    const toEnlace = renderNotification(twelve, { nombre: 'Enlace', addressee: 'enlace' }, options);
    const toCoordinacion = renderNotification(twelve, { nombre: 'Coordinadora', addressee: 'coordinador' }, options);

    expect(toEnlace.subject).toBe('Escalamiento a la coordinación — Jalisco: ejercicio 1: doce meses de los seis pasos, plazo vencido el 12 de enero de 2027');
    expect(toEnlace.text).toContain('Qué hacer: Comuníquese con el organismo garante de Jalisco');
    expect(toCoordinacion.text).toContain('Qué hacer: Revise el caso con el enlace del INAI y el organismo garante de Jalisco');
  });

  it('a deadline already past when the e-mail is written says so', () => {
    const late = renderNotification(examples.facilitador_vacant, garante, { ...options, today: '2026-12-03' });
    const onTime = renderNotification(examples.facilitador_vacant, garante, { ...options, today: '2026-12-02' });

    expect(late.text).toContain('Fecha límite: miércoles 2 de diciembre de 2026 (ya vencida)');
    expect(late.html).toContain('Fecha límite: miércoles 2 de diciembre de 2026 (ya vencida)');
    expect(onTime.text).toContain('Fecha límite: miércoles 2 de diciembre de 2026\n');
  });

  it('HTML escapes what people typed', () => {
    const typed = { ...examples.facilitador_vacant, reason: '<script>alert("x")</script> & más' } as NotificationContent;
    const message = renderNotification(typed, garante, options);

    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; más');
  });
});

describe('renderNotification: the personal link to answer a convocation', () => {
  const integrante = { nombre: 'Dra. Ana López', addressee: 'integrantes' } as const;
  const answerUrl = 'http://127.0.0.1:3000/tablero/convocatoria/eyJ4Ijp0cnVlfQ.firma';

  it.each(['session_convened', 'session_rescheduled', 'convocation_reminder'] as const)(
    '%s: carries the link in both parts and no longer says "no responda"',
    (kind) => {
      const message = renderNotification(examples[kind], integrante, { ...options, answerUrl });

      expect(message.text).toContain(`Confirmar o declinar mi asistencia: ${answerUrl}\n`);
      expect(message.html).toContain(`<a href="${answerUrl}"><strong>Confirmar o declinar mi asistencia</strong></a>`);
      expect(message.text).toContain('Confirme o decline su asistencia con su enlace personal, sin iniciar sesión.');
      expect(`${message.text}${message.html}`).not.toMatch(/no responda/i);
    },
  );

  it('an e-mail without a link to act on keeps saying not to reply', () => {
    const message = renderNotification(examples.facilitador_vacant, garante, options);

    expect(message.text).toContain('No responda a este correo.');
    expect(message.text).not.toContain('Confirmar o declinar');
  });
});
