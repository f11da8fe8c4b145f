import { planned, type PlannedNotification } from '../plan/planned-notification';
import { type Directory, recipientsFor, type StaffPerson, type StlMemberPerson } from './recipients';

const content = { kind: 'facilitador_vacant', entidad: '14', vacantSince: '2026-11-02', escalatesOn: null, reason: null, followUp: false } as const;
const to = (...audience: PlannedNotification['audience']) => planned('FacilitadorVacated@12', 12, audience, content);

const garante: StlMemberPerson = { id: '14-garante-1', nombre: 'Titular del ITEI', email: 'garante1.14@ejemplo.org.mx', sector: 'garante', role: 'titular' };
const suplenteGarante: StlMemberPerson = { id: '14-garante-s', nombre: 'Suplente del ITEI', email: 'suplente@itei.mx', sector: 'garante', role: 'suplente' };
const gobierno: StlMemberPerson = { id: '14-gobierno-1', nombre: 'Titular de gobierno', email: null, sector: 'gobierno', role: 'titular' };
const enlace14: StaffPerson = { id: 'u1', nombre: 'Enlace de occidente', email: 'enlace@inai.ejemplo.mx', role: 'enlace', entidades: ['14', '20'] };
const enlace20: StaffPerson = { id: 'u2', nombre: 'Enlace de Oaxaca', email: 'oaxaca@inai.ejemplo.mx', role: 'enlace', entidades: ['20'] };
const coordinadora: StaffPerson = { id: 'u3', nombre: 'Coordinadora', email: 'coordinacion@inai.ejemplo.mx', role: 'coordinador', entidades: [] };
const garanteAccount: StaffPerson = { id: 'u4', nombre: 'Cuenta del ITEI', email: 'garante-14@ejemplo.org.mx', role: 'garante', entidades: ['14'] };

const jalisco: Directory = {
  entidad: '14',
  members: [garante, suplenteGarante, gobierno],
  facilitador: null,
  staff: [enlace14, enlace20, coordinadora, garanteAccount],
};

describe('recipientsFor: audience roles to people', () => {
  it('garante: the titular of the garante sector on the STL; enlace: the INAI enlaces who cover the state', () => {
    expect(recipientsFor(to('garante', 'enlace'), jalisco)).toEqual([
      { addressee: 'garante', key: 'garante1.14@ejemplo.org.mx', nombre: 'Titular del ITEI', email: 'garante1.14@ejemplo.org.mx', problem: null, personId: '14-garante-1' },
      { addressee: 'enlace', key: 'enlace@inai.ejemplo.mx', nombre: 'Enlace de occidente', email: 'enlace@inai.ejemplo.mx', problem: null, personId: 'u1' },
    ]);
  });

  it('garante without an STL titular: the state’s garante accounts', () => {
    const sinStl: Directory = { ...jalisco, members: [] };
    expect(recipientsFor(to('garante'), sinStl).map((recipient) => recipient.email)).toEqual(['garante-14@ejemplo.org.mx']);
  });

  it('coordinador: every coordinación account, whatever the state', () => {
    expect(recipientsFor(to('coordinador'), jalisco).map((recipient) => recipient.email)).toEqual(['coordinacion@inai.ejemplo.mx']);
  });

  it('a member without an address is reported as undeliverable, never skipped', () => {
    const recipients = recipientsFor(to('integrantes'), jalisco);
    expect(recipients).toContainEqual({
      addressee: 'integrantes',
      key: 'sin-correo:14-gobierno-1',
      nombre: 'Titular de gobierno',
      email: null,
      problem: 'sin dirección de correo',
      personId: '14-gobierno-1',
    });
    expect(recipients).toHaveLength(3);
  });

  it('a reminder to those who have not answered a convocation reaches only them, each with their id', () => {
    const unanswered = { ...to('integrantes', 'facilitador'), people: ['14-garante-s', '14-gobierno-1'] };

    expect(recipientsFor(unanswered, jalisco).map((recipient) => [recipient.personId, recipient.email])).toEqual([
      ['14-garante-s', 'suplente@itei.mx'],
      ['14-gobierno-1', null],
    ]);
  });

  it('a suplente among the integrantes is marked as such, so the e-mail asks them to stand in', () => {
    const recipients = recipientsFor(to('integrantes'), jalisco);
    expect(recipients.filter((recipient) => recipient.suplente).map((recipient) => recipient.nombre)).toEqual(['Suplente del ITEI']);
  });

  it('a malformed address is reported with the address', () => {
    const typo: Directory = { ...jalisco, members: [{ ...garante, email: 'itei.org.mx' }] };
    expect(recipientsFor(to('garante'), typo)[0]).toMatchObject({ email: null, problem: 'dirección de correo no válida («itei.org.mx»)' });
  });

  it('a role with nobody in it gives one undeliverable row that says so', () => {
    const sinEnlace: Directory = { ...jalisco, staff: [enlace20] };
    expect(recipientsFor(to('enlace', 'facilitador'), sinEnlace)).toEqual([
      {
        addressee: 'enlace',
        key: 'sin-destinatario:enlace',
        nombre: 'Enlace del INAI para Jalisco',
        email: null,
        problem: 'sin destinatario: ningún enlace del INAI tiene asignada Jalisco',
      },
      {
        addressee: 'facilitador',
        key: 'sin-destinatario:facilitador',
        nombre: 'Facilitador del STL de Jalisco',
        email: null,
        problem: 'sin destinatario: el puesto de facilitador está vacante',
      },
    ]);
  });

  it('one e-mail per address, even when a person holds two of the roles addressed', () => {
    const sameAddress: Directory = { ...jalisco, staff: [{ ...enlace14, email: 'GARANTE1.14@ejemplo.org.mx' }] };
    expect(recipientsFor(to('garante', 'enlace'), sameAddress).map((recipient) => recipient.addressee)).toEqual(['garante']);
  });

  it('an acta to sign goes to the attendees only, the facilitador included when present', () => {
    const withFacilitador: Directory = { ...jalisco, facilitador: { id: 'f1', nombre: 'Facilitadora', email: 'f@udg.mx' } };
    const acta = { ...planned('AttendanceRecorded@30', 30, [], content), attendees: ['14-garante-1', 'f1'] };
    expect(recipientsFor(acta, withFacilitador).map((recipient) => [recipient.addressee, recipient.email])).toEqual([
      ['asistentes', 'garante1.14@ejemplo.org.mx'],
      ['asistentes', 'f@udg.mx'],
    ]);
  });

  describe('an escalation that reaches nobody at its level goes to the next (issue 22, item 7)', () => {
    const escalationContent = { kind: 'escalation_enlace', escalationId: 'e-1', entidad: '10', topic: 'facilitador vacante', reason: 'x', raisedOn: '2026-12-02', dueOn: '2026-12-02', nextOn: null } as const;
    const escalated = planned('facilitador-vacante:2026-11-02:escalamiento:2026-12-02', 30, ['enlace'], escalationContent);
    const durango: Directory = { ...jalisco, entidad: '10' };

    it('no enlace assigned to the state: the gap stays visible and the coordinación receives it', () => {
      expect(recipientsFor(escalated, durango).map((recipient) => [recipient.addressee, recipient.email, recipient.problem])).toEqual([
        ['enlace', null, 'sin destinatario: ningún enlace del INAI tiene asignada Durango'],
        ['coordinador', 'coordinacion@inai.ejemplo.mx', null],
      ]);
    });

    it('an enlace without an address counts as nobody; an enlace with one keeps it at its level', () => {
      const sinCorreo: Directory = { ...durango, staff: [{ ...enlace20, entidades: ['10'], email: null }, coordinadora] };
      expect(recipientsFor(escalated, sinCorreo).map((recipient) => recipient.addressee)).toEqual(['enlace', 'coordinador']);
      expect(recipientsFor({ ...escalated, content: { ...escalationContent, entidad: '14' } }, jalisco).map((recipient) => recipient.addressee)).toEqual(['enlace']);
    });

    it('a reminder to a missing enlace does not climb: only escalations do', () => {
      expect(recipientsFor(to('enlace'), durango).map((recipient) => recipient.addressee)).toEqual(['enlace']);
    });
  });
});
