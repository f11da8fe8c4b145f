/** RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** Spreadsheets would run a cell that starts like a formula; such text gets a leading apostrophe (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A byte-order mark first, so spreadsheets read the file as UTF-8 and show the accents (Querétaro, Michoacán). */
export const UTF8_BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
