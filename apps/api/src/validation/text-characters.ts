/**
 * Characters that must never reach the event store. PostgreSQL's `jsonb` refuses NUL and lone surrogates outright
 * (an append that can never succeed), and the other control characters, non-characters and lone surrogates corrupt
 * e-mails, CSV and calendar feeds built from the text later.
 */
const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

export interface TextCharacterOptions {
  /** Tab and line breaks are allowed only in texts written as paragraphs (justifications, summaries). */
  readonly multiline?: boolean;
}

/** The first character not admitted in `text`, described for people (`U+0000`), or undefined if all are fine. */
export function inadmissibleCharacter(text: string, { multiline = false }: TextCharacterOptions = {}): string | undefined {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const codePoint = text.codePointAt(index)!;
        if (isNonCharacter(codePoint)) return describe(codePoint);
        index += 1;
        continue;
      }
      return describe(unit);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return describe(unit);
    if (LINE_BREAKS.has(unit)) {
      if (!multiline) return describe(unit);
      continue;
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || isNonCharacter(unit)) return describe(unit);
  }
  return undefined;
}

export function inadmissibleCharacterMessage(character: string): string {
  return `contiene un carácter no admitido (${character}): quite caracteres de control, saltos de línea donde no caben o símbolos inválidos`;
}

function isNonCharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

function describe(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The path (`evidence.0`) and character of the first string anywhere in `value` holding a character no text field
 * admits, line breaks aside (fields that refuse them say so themselves). Iterative, like the depth check.
 */
export function firstInadmissibleString(value: unknown): { path: string; character: string } | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (typeof node === 'string') {
      const character = inadmissibleCharacter(node, { multiline: true });
      if (character) return { path, character };
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node).reverse()) {
      const childPath = path ? `${path}.${key}` : key;
      const keyCharacter = inadmissibleCharacter(key);
      if (keyCharacter) return { path: childPath, character: keyCharacter };
      pending.push([child, childPath]);
    }
  }
  return undefined;
}
