import { STL_2017 } from '@app/domain';
import { DEMO_ENLACE_ENTIDADES, demoUsers } from './demo-users';

describe('demo accounts', () => {
  const users = demoUsers();
  const byName = new Map(users.map((user) => [user.username, user]));

  it('are the coordinación, one enlace, and a garante, a facilitador and an integrante per 2017 STL', () => {
    expect(STL_2017).toHaveLength(16);
    expect(users).toHaveLength(2 + 3 * 16);
    expect(new Set(users.map((user) => user.username)).size).toBe(users.length);
    for (const { entidad } of STL_2017) {
      expect(byName.get(`garante-${entidad}`)).toMatchObject({ role: 'garante', entidades: [entidad] });
      expect(byName.get(`facilitador-${entidad}`)).toMatchObject({ role: 'facilitador', entidades: [entidad] });
      expect(byName.get(`integrante-${entidad}`)).toMatchObject({ role: 'integrante', entidades: [entidad] });
    }
  });

  it('give the enlace Jalisco, Oaxaca, Sonora and Tlaxcala, and the coordinación every state', () => {
    expect(byName.get('enlace')).toEqual({
      username: 'enlace',
      role: 'enlace',
      entidades: ['14', '20', '26', '29'],
      nombre: 'Enlace del INAI (Jalisco, Oaxaca, Sonora y Tlaxcala)',
      email: 'enlace@ejemplo.org.mx',
    });
    expect(DEMO_ENLACE_ENTIDADES.every((entidad) => STL_2017.some((stl) => stl.entidad === entidad))).toBe(true);
    expect(byName.get('coordinador')).toMatchObject({ role: 'coordinador', entidades: [], email: 'coordinador@ejemplo.org.mx' });
  });

  it('have example addresses under ejemplo.org.mx named after the account', () => {
    expect(byName.get('garante-14')).toMatchObject({ email: 'garante-14@ejemplo.org.mx', nombre: 'Organismo garante de Jalisco' });
    expect(users.every((user) => user.email === `${user.username}@ejemplo.org.mx`)).toBe(true);
  });
});
