import { csvField, toCsv, UTF8_BOM } from './csv';

describe('CSV (RFC 4180)', () => {
  it('leaves plain fields alone and writes empty fields for missing values', () => {
    expect(csvField('Jalisco')).toBe('Jalisco');
    expect(csvField(5)).toBe('5');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('Coahuila de Zaragoza, Coah.')).toBe('"Coahuila de Zaragoza, Coah."');
    expect(csvField('el "tablero"')).toBe('"el ""tablero"""');
    expect(csvField('uno\r\ndos')).toBe('"uno\r\ndos"');
  });

  it('defuses text that a spreadsheet would take for a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
  });

  it('starts with a byte-order mark, ends every record with CRLF', () => {
    const csv = toCsv(['entidad', 'entidadName'], [['22', 'Querétaro']]);

    expect(csv).toBe(`${UTF8_BOM}entidad,entidadName\r\n22,Querétaro\r\n`);
  });
});
