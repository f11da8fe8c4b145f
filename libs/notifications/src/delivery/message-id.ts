/** Characters allowed in the left part of a Message-ID (RFC 5322 dot-atom-text), besides letters and digits. */
const ATEXT = /[A-Za-z0-9!#$&'*+\-/=?^_`{|}~.]/;

/**
 * The idempotency key as a Message-ID, readable and reversible: `stl/14|FacilitadorVacated@12|a@b.mx` becomes
 * `<stl/14|FacilitadorVacated%4012|a%40b.mx@dominio>` (what is not allowed there is percent-encoded).
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const local = Array.from(idempotencyKey)
    .map((char) => (ATEXT.test(char) ? char : encodeUtf8(char)))
    .join('')
    .replace(/\.{2,}/g, (dots) => dots.split('').map(() => '%2E').join(''))
    .replace(/^\.|\.$/g, '%2E');
  return `<${local}@${domain}>`;
}

function encodeUtf8(char: string): string {
  return Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The domain of the sender's address (`"Nombre" <avisos@dominio.mx>` → `dominio.mx`). */
export function senderDomain(mailFrom: string): string {
  const match = /@([^\s>]+)\s*>?\s*$/.exec(mailFrom.trim());
  return match ? match[1] : 'cocreacion.local';
}
