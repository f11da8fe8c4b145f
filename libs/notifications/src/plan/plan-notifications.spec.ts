import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines, type ExerciseState, type RegisteredStl, stlDeadlines } from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { type Directory, recipientsFor } from '../recipients/recipients';
import { at, exerciseFrom, FACILITADORA, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { planNotifications } from './plan-notifications';

const vacate = { vacatedOn: '2026-11-02', reason: 'Renunció por cambio de residencia' };

describe('planNotifications: which e-mail each event calls for, to whom', () => {
  describe('STL', () => {
    it('a vacated facilitador is flagged at once to the garante and the enlace, with the day it escalates', () => {
      const story = jaliscoInstalado();
      const appended = story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));

      const plan = planNotifications(appended);

      expect(plan).toEqual([
        {
          ref: `FacilitadorVacated@${appended.firstSeq}`,
          seq: appended.firstSeq,
          audience: ['garante', 'enlace'],
          attendees: null,
          content: {
            kind: 'facilitador_vacant',
            entidad: '14',
            vacantSince: '2026-11-02',
            escalatesOn: '2026-12-02',
            reason: 'Renunció por cambio de residencia',
            followUp: false,
          },
        },
      ]);
    });

    it('announces the dates of the deployment’s policy, the one the workflow runs with', () => {
      const story = jaliscoInstalado();
      const appended = story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));
      const policy = { ...DEFAULT_DEADLINE_POLICY, vacancyEscalationDays: 20 };

      expect(planNotifications({ ...appended, policy })[0].content).toMatchObject({ escalatesOn: '2026-11-22' });
    });

    it('the vacancy reminder goes to the garante, and its escalation to the enlace with the next weekly date', () => {
      const story = jaliscoInstalado();
      story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));

      const [reminder] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'vacancy_reminder'));
      const [escalation] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'vacancy_escalation'));

      expect(reminder).toMatchObject({
        ref: 'facilitador-vacante:2026-11-02:recordatorio',
        audience: ['garante'],
        content: { kind: 'facilitador_vacant', followUp: true, vacantSince: '2026-11-02', escalatesOn: '2026-12-02' },
      });
      expect(escalation).toMatchObject({
        ref: 'facilitador-vacante:2026-11-02:escalamiento:2026-12-02',
        audience: ['enlace'],
        content: { kind: 'escalation_enlace', topic: 'facilitador vacante', raisedOn: '2026-12-02', nextOn: '2026-12-09' },
      });
    });

    it('a convened session goes to every member and the facilitador, with what the .ics needs', () => {
      const story = jaliscoInstalado();
      const appended = story.run(
        {
          type: 'ConveneSession',
          data: {
            sessionId: 'ordinaria-2026-12',
            date: '2026-12-08',
            kind: 'ordinaria',
            convokedOn: '2026-11-23',
            agenda: ['Lista de asistencia', 'Avance del PAL'],
            place: 'Sala del ITEI, Guadalajara',
          },
        },
        at('2026-11-23'),
      );

      const [convened] = planNotifications(appended);

      expect(convened).toMatchObject({
        audience: ['integrantes', 'facilitador'],
        content: {
          kind: 'session_convened',
          convokedOn: '2026-11-23',
          convenedAt: at('2026-11-23'),
          session: { sessionId: 'ordinaria-2026-12', date: '2026-12-08', place: 'Sala del ITEI, Guadalajara' },
        },
      });
    });

    it('the eve of a session reminds its members of that session', () => {
      const story = jaliscoInstalado();
      const session = { sessionId: 's1', date: '2026-12-08', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['Avance'] } as const;
      story.run({ type: 'ConveneSession', data: session }, at('2026-11-23'));

      const [eve] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'session_tomorrow'));

      expect(eve).toMatchObject({
        audience: ['integrantes', 'facilitador'],
        content: { kind: 'session_tomorrow', session: { sessionId: 's1', date: '2026-12-08' } },
      });
    });

    it('the bimonthly reminder says by when to convene (five business days before the two-month mark)', () => {
      const story = jaliscoInstalado();

      const [reminder] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'cadence_reminder'));

      expect(reminder).toMatchObject({
        audience: ['garante', 'facilitador'],
        content: { kind: 'convene_session', sessionDueOn: '2026-11-01', convokeBy: '2026-10-26' },
      });
    });

    it('attendance with quorum asks the attendees to sign the acta; without quorum, nothing', () => {
      const held = jaliscoInstalado();
      const everyone = Object.keys((held.state as { members: object }).members);
      held.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'] } }, at('2026-11-02'));
      const quorum = held.run({ type: 'RecordAttendance', data: { sessionId: 's1', present: [...everyone, FACILITADORA.facilitadorId] } }, at('2026-11-10', 14));

      const empty = jaliscoInstalado();
      empty.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'] } }, at('2026-11-02'));
      const noQuorum = empty.run({ type: 'RecordAttendance', data: { sessionId: 's1', present: ['14-garante-1'] } }, at('2026-11-10', 14));

      expect(planNotifications(quorum)).toMatchObject([
        {
          audience: [],
          attendees: [...everyone, FACILITADORA.facilitadorId],
          content: { kind: 'minutes_ready', session: { sessionId: 's1' }, signBy: '2027-01-10' },
        },
      ]);
      expect(planNotifications(noQuorum)).toEqual([]);
    });

    it('events that announce nothing plan nothing', () => {
      const story = jaliscoInstalado();
      const appended = story.run(
        { type: 'AddMember', data: { memberId: 'inv-1', sector: 'gobierno', role: 'invitado', nombre: 'Invitada', organizacion: 'SESAJ', joinedOn: '2026-11-02' } },
        at('2026-11-02'),
      );
      expect(planNotifications(appended)).toEqual([]);
    });

    it('three business days before a session, only those convened who have not answered are reminded', () => {
      const story = jaliscoInstalado();
      const agenda = ['Seguimiento del PAL'];
      story.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-10', kind: 'ordinaria', convokedOn: '2026-11-23', agenda } }, at('2026-11-23'));
      const state = story.state as RegisteredStl;
      const [first, second, ...rest] = [...Object.keys(state.members), FACILITADORA.facilitadorId];
      story.run({ type: 'AnswerConvocation', data: { sessionId: 's1', memberId: first, answer: 'asistire' } }, at('2026-11-24'));
      story.run({ type: 'AnswerConvocation', data: { sessionId: 's1', memberId: second, answer: 'no_asistire' } }, at('2026-11-25'));

      const [reminder, ...others] = planNotifications(story.fire((current) => stlDeadlines(current, DEFAULT_DEADLINE_POLICY), 'confirmation_reminder'));

      expect(others).toEqual([]);
      expect(reminder).toMatchObject({
        ref: 'sesion:s1:2026-12-10:confirmacion',
        audience: ['integrantes', 'facilitador'],
        people: rest,
        content: { kind: 'convocation_reminder', session: { sessionId: 's1', date: '2026-12-10' } },
      });
    });
  });

  describe('exercise', () => {
    it('30 days without progress: the garante is told to record it before the escalation to the enlace', () => {
      const story = jaliscoEjercicio('2026-01-12');

      const [stall] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder'));

      expect(stall).toMatchObject({
        ref: 'stall:2026-01-12:reminder',
        audience: ['garante'],
        content: { kind: 'stage_stalled', exerciseNumber: 1, stalledSince: '2026-01-12', actBy: '2026-02-26' },
      });
    });

    it('the stall escalates to the enlace (next: the coordinación) and then to the coordinación', () => {
      const story = jaliscoEjercicio('2026-01-12');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');

      const [enlace] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace'));
      const [coordinador] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_coordinador'));

      expect(enlace).toMatchObject({
        audience: ['enlace'],
        content: { kind: 'escalation_enlace', topic: 'ejercicio 1 sin avances', raisedOn: '2026-02-26', nextOn: '2026-03-13' },
      });
      expect(coordinador).toMatchObject({
        audience: ['coordinador'],
        content: { kind: 'escalation_coordinador', raisedOn: '2026-03-13', nextOn: null },
      });
    });

    it('monitoring and evaluation: a reminder before each date and the day itself, to the domain audiences', () => {
      const story = exerciseFrom(jaliscoPalLanzado);

      const [monitoringReminder] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'monitoring_reminder'));
      const [monitoringDue] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'monitoring_due'));
      const [evaluationReminder] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'evaluation_reminder'));
      const [evaluationDue] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'evaluation_due'));

      expect(monitoringReminder).toMatchObject({
        audience: ['garante', 'enlace'],
        content: { kind: 'monitoring_due', arrived: false, dueOn: '2026-11-04' },
      });
      expect(monitoringDue).toMatchObject({
        audience: ['garante', 'enlace', 'coordinador'],
        content: { kind: 'monitoring_due', arrived: true, dueOn: '2026-11-04' },
      });
      expect(evaluationReminder).toMatchObject({ content: { kind: 'evaluation_due', arrived: false, dueOn: '2027-05-04' } });
      expect(evaluationDue).toMatchObject({
        audience: ['garante', 'integrantes', 'enlace', 'coordinador'],
        content: { kind: 'evaluation_due', arrived: true, dueOn: '2027-05-04' },
      });
    });

    it('a resolved escalation plans a short "resuelto", addressed by the outbox to whoever got the escalation', () => {
      const story = jaliscoEjercicio('2026-01-12');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace');
      const resolved = story.run(
        { type: 'ResolveEscalation', data: { escalationId: 'stall:2026-01-12:enlace', resolution: 'Avance registrado' } },
        at('2026-03-02'),
      );

      expect(planNotifications(resolved)).toEqual([
        {
          ref: `EscalationResolved@${resolved.firstSeq}`,
          seq: resolved.firstSeq,
          audience: [],
          attendees: null,
          content: {
            kind: 'escalation_resolved',
            entidad: '14',
            escalationId: 'stall:2026-01-12:enlace',
            topic: 'ejercicio 1 sin avances',
            resolution: 'Avance registrado',
            resolvedOn: '2026-03-02',
          },
        },
      ]);
    });

    describe('the twelve months of the six steps (seis-pasos-2016.txt: "seis pasos mínimos a lo largo de un periodo de 12 meses")', () => {
      const deadlines = (state: ExerciseState) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY);
      /** Jalisco's garante titular on the STL, an enlace who covers Oaxaca only, and the coordinación. */
      const directory: Directory = {
        entidad: '14',
        members: [{ id: '14-garante-1', nombre: 'Titular del ITEI', email: 'garante1.14@ejemplo.org.mx', sector: 'garante', role: 'titular' }],
        facilitador: null,
        staff: [
          { id: 'u2', nombre: 'Enlace de Oaxaca', email: 'oaxaca@inai.ejemplo.mx', role: 'enlace', entidades: ['20'] },
          { id: 'u3', nombre: 'Coordinadora', email: 'coordinacion@inai.ejemplo.mx', role: 'coordinador', entidades: [] },
        ],
      };

      it('month 11 warns the state’s garante, with the start, the day of the warning and the end of the twelve months', () => {
        const story = jaliscoEjercicio('2026-01-12');

        const [warning, ...others] = planNotifications(story.fire(deadlines, 'term_warning'));

        expect(others).toEqual([]);
        expect(warning).toMatchObject({
          ref: 'doce-meses:2026-01-12:aviso',
          audience: ['garante'],
          content: {
            kind: 'term_warning',
            exerciseNumber: 1,
            startedOn: '2026-01-12',
            warningOn: '2026-12-12',
            termEndsOn: '2027-01-12',
            standing: expect.stringMatching(/^paso 1 \(.+\), etapa 1 \(.+\)$/),
            writtenOn: '2026-12-12',
          },
        });
        expect(recipientsFor(warning, directory).map((recipient) => recipient.email)).toEqual(['garante1.14@ejemplo.org.mx']);
      });

      it('month 12 escalates to the enlace and the coordinación, naming the day it fell due however late it is raised', () => {
        const story = jaliscoEjercicio('2026-01-12');
        story.fire(deadlines, 'term_warning');
        const twelve = deadlines(story.state).find((deadline) => deadline.kind === 'term_escalation')!;

        const [escalation] = planNotifications(story.run({ type: 'FireDeadline', data: { deadlineId: twelve.id } }, at('2027-01-20')));

        expect(escalation).toMatchObject({
          ref: 'doce-meses:2026-01-12:escalamiento',
          audience: ['enlace', 'coordinador'],
          content: { kind: 'escalation_coordinador', topic: 'ejercicio 1: doce meses de los seis pasos', dueOn: '2027-01-12', raisedOn: '2027-01-20', nextOn: null },
        });
        // No enlace covers Jalisco: the gap stays on record and the coordinación, the next level, receives it once.
        expect(recipientsFor(escalation, directory).map((recipient) => [recipient.addressee, recipient.email, recipient.problem])).toEqual([
          ['enlace', null, 'sin destinatario: ningún enlace del INAI tiene asignada Jalisco'],
          ['coordinador', 'coordinacion@inai.ejemplo.mx', null],
        ]);
      });

      it('no warning is mailed once the twelve months are over (it fired after them); the escalation says it', () => {
        const story = jaliscoEjercicio('2026-01-12');
        const warning = deadlines(story.state).find((deadline) => deadline.kind === 'term_warning')!;

        expect(planNotifications(story.run({ type: 'FireDeadline', data: { deadlineId: warning.id } }, at('2027-01-13')))).toEqual([]);
      });

      it('an exercise recorded after its eleventh month mails no warning: the summary to the coordinación lists it', () => {
        const story = jaliscoEjercicio('2026-01-12');
        const warning = deadlines(story.state).find((deadline) => deadline.kind === 'term_warning')!;

        const fired = story.run({ type: 'FireDeadline', data: { deadlineId: warning.id } }, at('2026-12-20'));

        expect(planNotifications({ ...fired, firesHistory: [warning.id] })).toEqual([]);
        expect(planNotifications({ ...story.appends[0], occurredAt: at('2026-12-20'), arrivedOverdue: [warning] })).toMatchObject([
          { audience: ['coordinador'], content: { kind: 'history_recorded', overdue: [{ kind: 'term_warning', dueOn: '2026-12-12' }] } },
        ]);
      });
    });

    describe('commitments without a progress report in a bimester of the PAL', () => {
      const deadlines = (state: ExerciseState) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY);

      it('the garante and the STL are reminded of each commitment without a report, with the bimester and the next check', () => {
        // mecanismo-gobernanza-edomex.md, cap. X, 3: "Reportar periódicamente los avances de su proyecto al STL, que dará seguimiento".
        const story = exerciseFrom(jaliscoPalLanzado);

        const [reminder, ...others] = planNotifications(story.fire(deadlines, 'progress_reminder'));

        expect(others).toEqual([]);
        expect(reminder).toMatchObject({
          ref: 'avance:2026-07-04:recordatorio',
          audience: ['garante', 'integrantes'],
          content: {
            kind: 'progress_reminder',
            launchedOn: '2026-05-04',
            periodFrom: '2026-05-04',
            periodTo: '2026-07-04',
            nextReminderOn: '2026-09-04',
            writtenOn: '2026-07-04',
          },
        });
        const commitments = reminder.content.kind === 'progress_reminder' ? reminder.content.commitments : [];
        expect(commitments).toHaveLength(5);
        expect(commitments.every((commitment) => commitment.lastReportedOn === null)).toBe(true);
      });

      it('a commitment reported in the bimester is left out; one reported before it says when', () => {
        const story = exerciseFrom(jaliscoPalLanzado);
        const [first, second] = story.state.status === 'open' ? story.state.commitments : [];
        story.run({ type: 'UpdateCommitmentProgress', data: { commitmentId: first.id, completion: 'limited', reportedOn: '2026-06-15' } }, at('2026-06-15'));
        story.fire(deadlines, 'progress_reminder');
        story.run({ type: 'UpdateCommitmentProgress', data: { commitmentId: second.id, completion: 'limited', reportedOn: '2026-08-10' } }, at('2026-08-10'));

        const [reminder] = planNotifications(story.fire(deadlines, 'progress_reminder'));

        expect(reminder.content).toMatchObject({ periodFrom: '2026-07-04', periodTo: '2026-09-04', nextReminderOn: '2026-11-04' });
        const commitments = reminder.content.kind === 'progress_reminder' ? reminder.content.commitments : [];
        expect(commitments.find((commitment) => commitment.id === first.id)).toMatchObject({ lastReportedOn: '2026-06-15' });
        expect(commitments.map((commitment) => commitment.id)).not.toContain(second.id);
        expect(commitments).toHaveLength(4);
      });

      it('a reminder fired after the next bimester’s check (a worker down for months) is not mailed: the newer one is', () => {
        const story = exerciseFrom(jaliscoPalLanzado);
        const reminder = deadlines(story.state).find((deadline) => deadline.kind === 'progress_reminder')!;

        expect(planNotifications(story.run({ type: 'FireDeadline', data: { deadlineId: reminder.id } }, at('2026-09-05')))).toEqual([]);
      });
    });

    it('progress itself announces nothing', () => {
      const story = jaliscoEjercicio('2026-01-12');
      const appended = story.run(
        { type: 'CompleteStep', data: { step: 1, completedOn: '2026-01-20', evidence: ['https://itei.org.mx/declaracion.pdf'] } },
        at('2026-01-20'),
      );
      expect(planNotifications(appended)).toEqual([]);
    });
  });
});
