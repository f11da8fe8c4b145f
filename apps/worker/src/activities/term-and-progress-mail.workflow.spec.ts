import { addDays, addMonths, daysBetween, type LocalDate, spanishDate, spanishLongDate, STL_2017, type StlState } from '@app/domain';
import { NotificationRecord } from '@app/persistence';
import { launchPalOf } from '../../../../test/scenarios/full-exercise';
import { type ReceivedMail } from '@test/support/smtp-sink';
import { MailWorkflows } from '@test/support/mail-workflows';
import { Like } from 'typeorm';

const ENLACE = 'laura.mendez@inai.ejemplo.mx';
const COORDINACION = 'coordinacion@inai.ejemplo.mx';

/** The addresses of the STL's members, all or those `chosen`, one each. */
function addressesOf(state: StlState, chosen: (member: { sector: string; role: string }) => boolean = () => true): string[] {
  if (state.status === 'unregistered') return [];
  const addresses = Object.values(state.members)
    .filter(chosen)
    .flatMap((member) => (member.email ? [member.email] : []));
  return [...new Set(addresses)].sort();
}

/** The garante sector's titulares on the STL: "the state's garante(s)". */
function garantesOf(state: StlState): string[] {
  return addressesOf(state, (member) => member.sector === 'garante' && member.role === 'titular');
}

/**
 * The real activities (PostgreSQL, SMTP) under the exercise workflow, with a year skipped in seconds: the e-mails of
 * the six steps' twelve months (seis-pasos-2016.txt: "seis pasos mínimos a lo largo de un periodo de 12 meses") and of
 * commitments without progress, read as the recipients' mail servers receive them.
 */
describe('the twelve months and the PAL’s progress, from the workflow to the inbox', () => {
  const stack = new MailWorkflows();

  /** The messages whose subject matches, once `count` of them arrived (other deadlines of the year mail too). */
  async function mailsAbout(subject: RegExp, count: number): Promise<ReceivedMail[]> {
    const matching = () => stack.sink.received.filter((mail) => subject.test(mail.parsed.subject ?? ''));
    for (let attempt = 0; attempt < 300 && matching().length < count; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return matching();
  }

  /** The outbox rows of a stream whose deadline ids begin with `ref`, once none is pending any more. */
  async function rowsOf(streamId: string, ref: string): Promise<NotificationRecord[]> {
    const repository = stack.dataSource.getRepository(NotificationRecord);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const rows = await repository.find({ where: { idempotencyKey: Like(`${streamId}|${ref}%`) } });
      if (rows.length > 0 && rows.every((row) => row.status !== 'pending')) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('las filas del buzón siguen pendientes');
  }

  it('month 11 warns the garante and month 12 escalates to the enlace and the coordinación, each once, with the true dates', async () => {
    const today = await stack.driver.today();
    const oaxaca = STL_2017.find((record) => record.entidad === '20')!;
    await stack.driver.seedStl(oaxaca, { installedOn: today });
    const garantes = garantesOf(await stack.driver.stlState('20'));
    await stack.driver.startExercise('20', today);
    const warningOn: LocalDate = addMonths(today, 11);
    const termEndsOn: LocalDate = addMonths(today, 12);

    await stack.driver.sleepUntil(warningOn, 18);
    const warnings = await mailsAbout(/^Oaxaca: el ejercicio 1 lleva once meses/, garantes.length);

    expect(garantes.length).toBeGreaterThan(0);
    expect(warnings.flatMap((mail) => mail.envelopeTo).sort()).toEqual(garantes);
    for (const warning of warnings) {
      expect(warning.parsed.subject).toBe(`Oaxaca: el ejercicio 1 lleva once meses; los doce meses de los seis pasos vencen el ${spanishDate(termEndsOn)}`);
      expect(warning.parsed.text).toContain(
        `El ejercicio 1 de Oaxaca inició el ${spanishLongDate(today)} y hoy cumple once meses: lleva ${daysBetween(today, warningOn)} días.`,
      );
      expect(warning.parsed.text).toContain(`que se cumplen el ${spanishLongDate(termEndsOn)}.`);
      expect(warning.parsed.text).toContain(`Fecha límite: ${spanishLongDate(termEndsOn)}\n`);
    }

    await stack.driver.sleepUntil(termEndsOn, 18);
    const escalations = await mailsAbout(/doce meses de los seis pasos, plazo vencido/, 2);

    expect(escalations.map((mail) => mail.envelopeTo).sort()).toEqual([[COORDINACION], [ENLACE]]);
    for (const escalation of escalations) {
      expect(escalation.parsed.subject).toBe(
        `Escalamiento a la coordinación — Oaxaca: ejercicio 1: doce meses de los seis pasos, plazo vencido el ${spanishDate(termEndsOn)}`,
      );
      expect(escalation.parsed.text).toContain(`cumplió doce meses (inició el ${spanishLongDate(today)}) sin concluir los seis pasos`);
    }

    // Exactly once: a week later nothing more arrived about the twelve months, and every row was sent once.
    await stack.driver.sleepUntil(addDays(termEndsOn, 7), 18);
    const rows = await rowsOf('exercise/20/1', `doce-meses:${today}:`);
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => 'sent'));
    expect(rows).toHaveLength(garantes.length + 2);
    expect(stack.sink.received.filter((mail) => /once meses|doce meses/.test(mail.parsed.subject ?? ''))).toHaveLength(garantes.length + 2);
  });

  it('two months after the launch, the garante and the STL are told of each commitment without a progress report, with the bimester’s dates', async () => {
    // mecanismo-gobernanza-edomex.md, cap. X, 3: "Reportar periódicamente los avances de su proyecto al STL, que dará seguimiento".
    const { launchedOn } = await launchPalOf(stack.driver, '19');
    const stl = await stack.driver.stlState('19');
    const recipients = addressesOf(stl);
    const periodEnd = addMonths(launchedOn, 2);

    await stack.driver.sleepUntil(periodEnd, 18);
    const reminders = await mailsAbout(/^Nuevo León: \d+ compromisos? del PAL sin reporte de avance/, recipients.length);

    expect(recipients).toEqual(expect.arrayContaining(garantesOf(stl)));
    expect(recipients.length).toBeGreaterThan(garantesOf(stl).length);
    expect(reminders.flatMap((mail) => mail.envelopeTo).sort()).toEqual(recipients);
    for (const reminder of reminders) {
      expect(reminder.parsed.subject).toBe(`Nuevo León: 5 compromisos del PAL sin reporte de avance en el bimestre que concluyó el ${spanishDate(periodEnd)}`);
      expect(reminder.parsed.text).toContain(`En el bimestre del ${spanishLongDate(launchedOn)} al ${spanishLongDate(periodEnd)} no se registró avance de 5 compromisos`);
      expect(reminder.parsed.text).toContain(`sin reportes desde el lanzamiento del PAL, hace ${daysBetween(launchedOn, periodEnd)} días.`);
      expect(reminder.parsed.text).toContain(`micrositio antes del ${spanishLongDate(addMonths(launchedOn, 4))}, cuando se revisa el bimestre siguiente.`);
    }
    // The suplentes elected without an address are on record as undeliverable, not skipped.
    const withoutAddress = stl.status === 'unregistered' ? [] : Object.values(stl.members).filter((member) => !member.email);
    const rows = await rowsOf('exercise/19/1', `avance:${periodEnd}:recordatorio|`);
    expect(rows.filter((row) => row.status === 'sent').map((row) => row.recipientEmail).sort()).toEqual(recipients);
    expect(rows.filter((row) => row.status !== 'sent').map((row) => [row.recipientEmail, row.status])).toEqual(
      withoutAddress.map(() => [null, 'undeliverable']),
    );
  });

  it('an STL whose mechanism sets a quarterly period is reminded at three months, of its «trimestre», and not at two', async () => {
    // mecanismo-gobernanza-edomex.md, cap. X, 3: "Reportar periódicamente los avances … al igual que con los compromisos del PAL".
    const { launchedOn } = await launchPalOf(stack.driver, '25');
    const sinaloa = STL_2017.find((record) => record.entidad === '25')!;
    await stack.driver.stl('25', 'AdoptGovernanceMechanism', {
      mechanism: { template: 'minimos_guia', decisionRule: sinaloa.decisionRule, progressReportMonths: 3 },
      adoptedOn: launchedOn,
      historical: { justification: 'Acordado por el STL en la sesión de lanzamiento del PAL.' },
    });
    const recipients = addressesOf(await stack.driver.stlState('25'));
    const quarterEnd = addMonths(launchedOn, 3);

    await stack.driver.sleepUntil(addMonths(launchedOn, 2), 18);
    const exercise = await stack.driver.exerciseState('25');
    // The seed's mechanism (stage 9) left the period at two months; the STL's own act made it three from the launch.
    expect(exercise.status === 'open' && exercise.stl?.progressReports).toEqual([
      { validFrom: expect.any(String), months: 2 },
      { validFrom: launchedOn, months: 3 },
    ]);
    expect(stack.sink.received.filter((mail) => /^Sinaloa: .*sin reporte de avance/.test(mail.parsed.subject ?? ''))).toEqual([]);
    await stack.driver.sleepUntil(quarterEnd, 18);
    const reminders = await mailsAbout(/^Sinaloa: \d+ compromisos? del PAL sin reporte de avance/, recipients.length);

    expect(recipients.length).toBeGreaterThan(0);
    expect(reminders.flatMap((mail) => mail.envelopeTo).sort()).toEqual(recipients);
    for (const reminder of reminders) {
      expect(reminder.parsed.subject).toBe(`Sinaloa: 5 compromisos del PAL sin reporte de avance en el trimestre que concluyó el ${spanishDate(quarterEnd)}`);
      expect(reminder.parsed.text).toContain(`micrositio antes del ${spanishLongDate(addMonths(launchedOn, 6))}, cuando se revisa el trimestre siguiente.`);
    }
    const rows = await rowsOf('exercise/25/1', 'avance:');
    expect(rows.map((row) => row.idempotencyKey.split('|')[1]).every((ref) => ref === `avance:${quarterEnd}:recordatorio`)).toBe(true);
  });
});
