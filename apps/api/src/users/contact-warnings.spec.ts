import { contactWarnings } from './contact-warnings';

const garante14 = { role: 'garante' as const, entidades: ['14'], email: 'itei@ejemplo.mx', active: true };
const enlace = { role: 'enlace' as const, entidades: ['14', '20'], email: 'enlace@ejemplo.mx', active: true };

describe('contacts: who will receive the mail of a state', () => {
  it('warns per state when no active garante account has an address', () => {
    expect(contactWarnings(['14', '20'], [garante14, enlace])).toEqual([
      { entidad: '20', warnings: ['Sin garante con correo: los recordatorios no llegarán.'] },
    ]);
  });

  it('counts neither a deactivated account nor one without an address', () => {
    const warnings = contactWarnings(['14'], [{ ...garante14, active: false }, { ...enlace, email: ' ' }]);

    expect(warnings).toEqual([
      {
        entidad: '14',
        warnings: ['Sin garante con correo: los recordatorios no llegarán.', 'Sin enlace con correo: los escalamientos de esta entidad llegan solo a la coordinación.'],
      },
    ]);
  });

  it('says nothing when every state is reachable', () => {
    expect(contactWarnings(['14'], [garante14, enlace])).toEqual([]);
  });
});
