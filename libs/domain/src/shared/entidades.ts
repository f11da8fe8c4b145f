/** The 32 entidades federativas with their INEGI codes (Marco Geoestadístico). */
export const ENTIDADES = {
  '01': 'Aguascalientes',
  '02': 'Baja California',
  '03': 'Baja California Sur',
  '04': 'Campeche',
  '05': 'Coahuila de Zaragoza',
  '06': 'Colima',
  '07': 'Chiapas',
  '08': 'Chihuahua',
  '09': 'Ciudad de México',
  '10': 'Durango',
  '11': 'Guanajuato',
  '12': 'Guerrero',
  '13': 'Hidalgo',
  '14': 'Jalisco',
  '15': 'Estado de México',
  '16': 'Michoacán de Ocampo',
  '17': 'Morelos',
  '18': 'Nayarit',
  '19': 'Nuevo León',
  '20': 'Oaxaca',
  '21': 'Puebla',
  '22': 'Querétaro',
  '23': 'Quintana Roo',
  '24': 'San Luis Potosí',
  '25': 'Sinaloa',
  '26': 'Sonora',
  '27': 'Tabasco',
  '28': 'Tamaulipas',
  '29': 'Tlaxcala',
  '30': 'Veracruz de Ignacio de la Llave',
  '31': 'Yucatán',
  '32': 'Zacatecas',
} as const;

export type Entidad = keyof typeof ENTIDADES;

export const ENTIDAD_CODES = Object.keys(ENTIDADES) as readonly Entidad[];

export function isEntidad(value: unknown): value is Entidad {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ENTIDADES, value);
}

export function entidadName(entidad: Entidad): string {
  return ENTIDADES[entidad];
}
