import { addDays, addMonths, businessCalendar, spanishDate, STL_2017 } from '@app/domain';
import { NotificationRecord } from '@app/persistence';
import { eventually } from '@test/support/eventually';
import { FACILITADORA } from '../../../../libs/notifications/src/testing/stories';
import { MailWorkflows } from '@test/support/mail-workflows';
import { historyLengthsOfEveryRun } from '@test/support/run-histories';

const ENLACE = 'laura.mendez@inai.ejemplo.mx';
const COORDINACION = 'coordinacion@inai.ejemplo.mx';

/** The real activities (PostgreSQL, SMTP) under an STL whose history is long enough to continue as new. */
describe('deadlines seen in an earlier run of the workflow', () => {
  const stack = new MailWorkflows();

  it('simulation seed 1 (stl/02, October 2037): a cadence covered by a convened session across a continue-as-new, the session then held without quorum, escalates to the enlace by e-mail and is not told as history', async () => {
    const today = await stack.driver.today();
    await stack.driver.seedStl(STL_2017.find((record) => record.entidad === '20')!, { installedOn: today });
    await stack.driver.stl('20', 'AppointFacilitador', { ...FACILITADORA, appointedOn: today, historical: { justification: 'Designada en la sesión de instalación.' } });
    const mark = addMonths(today, 2);
    const reminderOn = businessCalendar().addBusinessDays(mark, -10);
    await stack.driver.sleepUntil(reminderOn, 12);
    await stack.driver.stl('20', 'ConveneSession', {
      sessionId: 'sesion-1',
      date: mark,
      kind: 'ordinaria',
      convokedOn: reminderOn,
      agenda: ['Seguimiento de compromisos del PAL', 'Asuntos generales'],
    });
    // Each command changes the STL's calendar after the mark, so each is one more event: the run ends while the
    // convened session covers the two-month mark, and the next run starts without the cadence pending.
    for (let count = 1; count <= 100; count += 1) {
      await stack.driver.stl('20', 'SetNonWorkingDays', { dates: Array.from({ length: count }, (_, index) => addDays(mark, 30 + index)) });
    }
    expect((await historyLengthsOfEveryRun(stack.driver.client, 'stl/20')).length).toBeGreaterThan(1);

    await stack.driver.sleepUntil(mark, 12);
    const state = await stack.driver.stlState('20');
    const [present] = state.status === 'instalado' ? Object.keys(state.members) : [];
    await stack.driver.stl('20', 'RecordAttendance', { sessionId: 'sesion-1', present: [present] });

    const subject = `Escalamiento al enlace del INAI — Oaxaca: sesión bimestral sin celebrar, plazo vencido el ${spanishDate(mark)}`;
    await eventually(() => expect(stack.sink.to(ENLACE).map((mail) => mail.parsed.subject)).toContain(subject), 30_000);
    const rows = await stack.dataSource.getRepository(NotificationRecord).find({ where: { streamId: 'stl/20' } });
    expect(rows.filter((row) => row.kind === 'escalation_enlace').map((row) => row.recipientEmail)).toEqual([ENLACE]);
    expect(rows.filter((row) => row.kind === 'history_recorded')).toEqual([]);
    expect(stack.sink.to(COORDINACION)).toEqual([]);
  });
});
