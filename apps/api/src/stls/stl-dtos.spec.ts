import { type ArgumentMetadata } from '@nestjs/common';
import { ApiProblem } from '../errors/api-problem';
import { validationPipe } from '../validation/validation';
import { ConveneSessionDto, RecordAttendanceDto, RecordDecisionDto } from './stl-sessions.dto';
import { EntidadParamPipe, IdentifierParamPipe } from './stl-validation';
import { AddMemberDto, InstallStlDto, SetNonWorkingDaysDto } from './stls.dto';

/** The fields a body is refused for, as the API's 400 names them (undefined when it is accepted). */
async function refusedFields(metatype: ArgumentMetadata['metatype'], body: unknown): Promise<string[] | undefined> {
  try {
    await validationPipe().transform(body, { type: 'body', metatype });
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    expect(error.body.code).toBe('VALIDATION_FAILED');
    return (error.body.errors as { field: string }[]).map((problem) => problem.field);
  }
}

const convocation = { date: '2027-02-10', kind: 'ordinaria', convokedOn: '2027-01-27', agenda: ['Seguimiento del PAL'] };
const ballot = { subject: 'Calendario', consensus: false, votes: [{ memberId: '14-gobierno-1', vote: 'favor' }] };

describe('STL request bodies: malformed → 400 naming the field', () => {
  it.each([
    ['a well-formed convocation', ConveneSessionDto, convocation, undefined],
    ['a date with a time', ConveneSessionDto, { ...convocation, date: '2027-02-10T10:00:00Z' }, ['date']],
    ['an impossible date', ConveneSessionDto, { ...convocation, convokedOn: '2027-02-30' }, ['convokedOn']],
    ['an empty agenda', ConveneSessionDto, { ...convocation, agenda: [] }, ['agenda']],
    ['a blank agenda item', ConveneSessionDto, { ...convocation, agenda: ['  '] }, ['agenda']],
    ['a link that is not http(s)', ConveneSessionDto, { ...convocation, link: 'javascript:alert(1)' }, ['link']],
    ['an unknown field', ConveneSessionDto, { ...convocation, sessionId: 'mine' }, ['sessionId']],
    ['a well-formed ballot', RecordDecisionDto, ballot, undefined],
    ['a vote that is a string', RecordDecisionDto, { ...ballot, votes: ['favor'] }, ['votes']],
    ['a null vote', RecordDecisionDto, { ...ballot, votes: [null] }, ['votes']],
    ['an abstention', RecordDecisionDto, { ...ballot, votes: [{ memberId: '14-gobierno-1', vote: 'abstencion' }] }, ['votes.0.vote']],
    ['an unknown field in a vote', RecordDecisionDto, { ...ballot, votes: [{ memberId: '14-gobierno-1', vote: 'favor', peso: 2 }] }, ['votes.0.peso']],
    ['consensus as text', RecordDecisionDto, { ...ballot, consensus: 'true' }, ['consensus']],
    ['votes as an object', RecordDecisionDto, { ...ballot, votes: { memberId: 'x', vote: 'favor' } }, ['votes']],
    ['a member id with a slash', RecordAttendanceDto, { present: ['14/gobierno'] }, ['present']],
    ['a repeated member', RecordAttendanceDto, { present: ['a', 'a'] }, ['present']],
    ['nobody present', RecordAttendanceDto, { present: [] }, undefined],
    ['a non-working day that is not a date', SetNonWorkingDaysDto, { dates: ['2027-03-25', 'mañana'] }, ['dates']],
    ['a sector that does not exist', AddMemberDto, { memberId: 'm', sector: 'iglesia', role: 'titular', nombre: 'N', organizacion: 'O', joinedOn: '2026-01-01' }, ['sector']],
    ['a malformed e-mail', AddMemberDto, { memberId: 'm', sector: 'garante', role: 'titular', nombre: 'N', organizacion: 'O', joinedOn: '2026-01-01', email: 'no' }, ['email']],
    ['an installation with its acta', InstallStlDto, { installedOn: '2026-11-10', actaUrl: 'https://micrositio.ejemplo.org.mx/acta.pdf' }, undefined],
    ['an installation without acta', InstallStlDto, { installedOn: '2026-11-10' }, undefined],
    ['an installation without date', InstallStlDto, { actaUrl: 'https://micrositio.ejemplo.org.mx/acta.pdf' }, ['installedOn']],
    ['an installation before the programme', InstallStlDto, { installedOn: '1900-01-01' }, ['installedOn']],
    ['an installation on an impossible date', InstallStlDto, { installedOn: '2026-02-30' }, ['installedOn']],
    ['an acta that is not an http(s) link', InstallStlDto, { installedOn: '2026-11-10', actaUrl: 'ftp://acta.pdf' }, ['actaUrl']],
  ])('%s', async (_case, metatype, body, fields) => {
    expect(await refusedFields(metatype, body)).toEqual(fields);
  });
});

describe('STL path parameters', () => {
  it('accepts the 32 INEGI codes and nothing else', () => {
    expect(new EntidadParamPipe().transform('14')).toBe('14');
    for (const bad of ['33', '00', '1', '014', 'jal']) {
      expect(() => new EntidadParamPipe().transform(bad)).toThrow(ApiProblem);
    }
  });

  it('accepts safe ids only, naming the parameter', () => {
    const pipe = new IdentifierParamPipe('id');
    expect(pipe.transform('2027-02-10-1')).toBe('2027-02-10-1');
    expect(pipe.transform('facilitador:2026-01-05')).toBe('facilitador:2026-01-05');
    for (const bad of ['', '-x', 'a b', 'a/b', 'ñ', 'x'.repeat(81)]) {
      try {
        pipe.transform(bad);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect((error as ApiProblem).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'id' }] });
      }
    }
  });
});
