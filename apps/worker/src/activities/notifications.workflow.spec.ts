import { addDays, addMonths, spanishDate, spanishLongDate, STL_2017 } from '@app/domain';
import { NotificationRecord } from '@app/persistence';
import { FACILITADORA } from '../../../../libs/notifications/src/testing/stories';
import { MailWorkflows } from '@test/support/mail-workflows';

const GARANTE = 'garante1.14@ejemplo.org.mx';
const ENLACE = 'laura.mendez@inai.ejemplo.mx';

/** The real activities (PostgreSQL, SMTP) under the STL workflow, with months skipped in seconds. */
describe('a vacant facilitador, from the workflow to the inbox', () => {
  const stack = new MailWorkflows();

  it('flags it at once to the garante and the enlace, reminds the garante at 15 days and escalates to the enlace at 30', async () => {
    const today = await stack.driver.today();
    const jalisco = STL_2017.find((record) => record.entidad === '14')!;
    await stack.driver.seedStl(jalisco, { installedOn: addDays(today, -10) });
    await stack.driver.stl('14', 'AppointFacilitador', {
      ...FACILITADORA,
      appointedOn: addDays(today, -10),
      historical: { justification: 'Designada por el STL en sesión; el acta se registra aparte.' },
    });

    await stack.driver.stl('14', 'VacateFacilitador', { vacatedOn: today, reason: 'Renuncia' });

    const flagged = await stack.sink.waitForMessages(2);
    expect(flagged.map((mail) => [mail.envelopeTo[0], mail.parsed.subject]).sort()).toEqual([
      [GARANTE, `STL de Jalisco: el puesto de facilitador quedó vacante el ${spanishDate(today)}`],
      [ENLACE, `STL de Jalisco: el puesto de facilitador quedó vacante el ${spanishDate(today)}`],
    ].sort());

    await stack.driver.sleepUntil(addDays(today, 15), 18);
    const [reminder] = (await stack.sink.waitForMessages(3)).slice(2);
    expect(reminder.envelopeTo).toEqual([GARANTE]);
    expect(reminder.parsed.subject).toBe(
      `STL de Jalisco: el puesto de facilitador sigue vacante; nómbrelo antes del ${spanishDate(addDays(today, 30))}`,
    );

    await stack.driver.sleepUntil(addDays(today, 30), 18);
    const [escalation] = (await stack.sink.waitForMessages(4)).slice(3);
    expect(escalation.envelopeTo).toEqual([ENLACE]);
    expect(escalation.parsed.subject).toBe(
      `Escalamiento al enlace del INAI — Jalisco: facilitador vacante, plazo vencido el ${spanishDate(addDays(today, 30))}`,
    );
    expect(escalation.parsed.text).toContain(`el ${spanishLongDate(addDays(today, 37))} se enviará un nuevo escalamiento`);

    // The SMTP server holds the message a moment before the dispatcher marks its row sent.
    const rows = await waitFor(
      () => stack.dataSource.getRepository(NotificationRecord).find(),
      (found) => found.every((row) => row.status !== 'pending'),
    );
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(new Set(stack.sink.received.map((mail) => mail.parsed.messageId)).size).toBe(4);
  });

  it('an STL recorded months after its installation mails no reminder or escalation about the past: one summary to the coordinación', async () => {
    stack.sink.received.length = 0;
    const today = await stack.driver.today();
    const sonora = STL_2017.find((record) => record.entidad === '26')!;
    const installedOn = addDays(today, -150);
    await stack.driver.seedStl(sonora, { installedOn });

    const fired = await waitFor(() => stack.driver.stlState('26'), (state) => state.status === 'instalado' && state.escalations.length > 0);
    const [summary] = await stack.sink.waitForMessages(1);
    await stack.driver.stl('26', 'ConveneSession', {
      sessionId: 's1', date: addDays(today, 10), kind: 'ordinaria', convokedOn: today, agenda: ['Reanudar las sesiones'],
    });
    const convocations = await stack.sink.waitForMessages(2);

    expect(fired.status === 'instalado' && fired.escalations.map((escalation) => escalation.kind)).toEqual(['cadence_escalation']);
    expect(summary.envelopeTo).toEqual(['coordinacion@inai.ejemplo.mx']);
    expect(summary.parsed.subject).toBe(`Se registró el historial de Sonora (${spanishDate(today)}): 2 plazos vencidos`);
    expect(summary.parsed.text).toContain(`Escalamiento por sesión bimestral sin celebrar: venció el ${spanishLongDate(addMonths(installedOn, 2))}.`);
    expect(convocations.slice(1).every((mail) => mail.parsed.subject?.includes('sesión ordinaria convocada'))).toBe(true);
    expect(stack.sink.received.filter((mail) => /Escalamiento|convoque|Resuelto/.test(mail.parsed.subject ?? ''))).toEqual([]);
  });
});

/** Polls a query until the condition holds (the workflow fires overdue deadlines right after the command). */
async function waitFor<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await read();
    if (holds(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('la condición no se cumplió');
}
