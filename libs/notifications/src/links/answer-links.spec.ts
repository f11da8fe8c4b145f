import { answerLinkUrl, DEVELOPMENT_MAIL_LINK_SECRET, mailLinkSecret, signAnswerToken, verifyAnswerToken } from './answer-links';

const secret = 'una-clave-de-produccion-de-al-menos-32-caracteres';
const subject = { entidad: '14', sessionId: '2026-12-10-1', memberId: '14-sociedad-civil-2' } as const;

describe('answer links: one person, one session, signed', () => {
  const token = signAnswerToken(subject, secret);

  it('a genuine token names its person and session', () => {
    expect(verifyAnswerToken(token, secret)).toEqual(subject);
    expect(answerLinkUrl('https://cocreacion.inai.org.mx/', token)).toBe(`https://cocreacion.inai.org.mx/tablero/convocatoria/${token}`);
  });

  it('another person’s id written into the payload breaks the signature', () => {
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify([1, '14', subject.sessionId, '14-garante-1'])).toString('base64url');

    expect(verifyAnswerToken(`${forged}.${signature}`, secret)).toBeUndefined();
  });

  it('refuses a token signed under another key, cut short, or not a token at all', () => {
    expect(verifyAnswerToken(signAnswerToken(subject, DEVELOPMENT_MAIL_LINK_SECRET), secret)).toBeUndefined();
    expect(verifyAnswerToken(token.slice(0, -3), secret)).toBeUndefined();
    expect(verifyAnswerToken(`${token}.extra`, secret)).toBeUndefined();
    expect(verifyAnswerToken('', secret)).toBeUndefined();
    expect(verifyAnswerToken('x'.repeat(5000), secret)).toBeUndefined();
  });

  it('refuses a well-signed payload that does not name a state', () => {
    const payload = Buffer.from(JSON.stringify([1, '99', 's', 'm'])).toString('base64url');
    const signed = signAnswerToken(subject, secret).split('.')[1];
    expect(verifyAnswerToken(`${payload}.${signed}`, secret)).toBeUndefined();
  });
});

describe('MAIL_LINK_SECRET', () => {
  it('development may go without one; production requires a strong one of its own', () => {
    const problems: string[] = [];
    expect(mailLinkSecret({}, false, problems)).toBe(DEVELOPMENT_MAIL_LINK_SECRET);
    expect(mailLinkSecret({ MAIL_LINK_SECRET: secret }, true, problems)).toBe(secret);
    expect(problems).toEqual([]);

    mailLinkSecret({}, true, problems);
    mailLinkSecret({ MAIL_LINK_SECRET: DEVELOPMENT_MAIL_LINK_SECRET }, true, problems);
    mailLinkSecret({ MAIL_LINK_SECRET: 'corta' }, true, problems);
    expect(problems).toEqual([
      expect.stringContaining('MAIL_LINK_SECRET is required'),
      expect.stringContaining('must not be the development default'),
      expect.stringContaining('at least 32 characters'),
    ]);
  });
});
