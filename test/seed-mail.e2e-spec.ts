import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, entidadName, STL_2017, TERM_WARNING_MONTHS } from '@app/domain';
import { seedPlan } from '../apps/api/src/seed/seed-plan';
import { type RunningSystem, startSystem } from '../tools/stack';
import { authenticatedApi } from './support/auth';
import { todayInMexicoCity } from './support/dates';
import { httpClient } from './support/http';

interface MailDevEmail {
  readonly subject: string;
  readonly to: readonly { readonly address: string }[];
  readonly text: string;
}

interface Escalation {
  readonly kind: string;
  readonly status: string;
}

/**
 * The demo seed records history: 16 STLs installed months ago, sessions held weeks ago. Started as `npm start`
 * starts it (MailDev as the SMTP server, the seed loaded before ready), nobody is convened to a past session or
 * reminded of a deadline already past; the coordinación gets one summary per state (issue 22, item 2).
 */
describe('a fresh start with the demo seed mails nothing about the past', () => {
  let system: RunningSystem;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-seed-mail-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: true, env: { NODE_ENV: 'test' } });
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('no convocation, reminder or escalation e-mail; one history summary per state to the coordinación; the escalations stay on the board', async () => {
    const coordinador = authenticatedApi(httpClient(system.apiUrl), 'coordinador');
    const inbox = async () => (await httpClient(system.mailCatcher!.webUrl).get<MailDevEmail[]>('/api/email')).body;
    // The deadlines overdue at seeding fire right after the seed's commands: wait until the summaries have all left.
    let mails = await inbox();
    for (let tries = 0; tries < 100 && mails.filter((mail) => mail.subject.startsWith('Se registró el historial')).length < 18; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      mails = await inbox();
    }
    const escalated = await coordinador.get<Escalation[]>('/api/escalations?entidad=29&status=abierta');

    const summaries = mails.filter((mail) => mail.subject.startsWith('Se registró el historial'));
    expect(mails.filter((mail) => !summaries.includes(mail)).map((mail) => mail.subject)).toEqual([]);
    // One per STL; and one per exercise the seed starts eleven months ago or more: the watch of its twelve months is
    // overdue too (seis-pasos-2016.txt: "seis pasos mínimos a lo largo de un periodo de 12 meses"). It fires as the
    // exercise starts, before the seed records a PAL that would end the watch.
    const twelveMonths = summaries.filter((mail) => mail.text.includes('doce meses de los seis pasos'));
    expect(twelveMonths.map((mail) => mail.subject.replace(/^Se registró el historial de (.+) \(.*$/, '$1')).sort()).toEqual(
      exercisesPastElevenMonths().sort(),
    );
    expect(summaries).toHaveLength(16 + twelveMonths.length);
    expect(new Set(summaries.map((mail) => mail.to[0].address))).toEqual(new Set(['coordinador@ejemplo.org.mx']));
    const tlaxcala = summaries.find((mail) => mail.subject.includes('Tlaxcala'))!;
    expect(tlaxcala.subject).toMatch(/: 4 plazos vencidos$/);
    expect(tlaxcala.text).toMatch(/Escalamiento por facilitador vacante: venció el \p{L}+ \d{1,2} de \p{L}+ de \d{4}\./u);
    expect(escalated.status).toBe(200);
    expect(escalated.body.map((escalation) => escalation.kind)).toContain('vacancy_escalation');
  });
});

/** The states whose seeded exercise began eleven months or more before today. */
function exercisesPastElevenMonths(): string[] {
  const today = todayInMexicoCity();
  return STL_2017.filter((record, index) => {
    const { exercise } = seedPlan(record, index, today, new Date().toISOString());
    return addMonths(exercise.startedOn, TERM_WARNING_MONTHS) < today;
  }).map((record) => entidadName(record.entidad));
}
