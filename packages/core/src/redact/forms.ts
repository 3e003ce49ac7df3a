/**
 * What a secret looks like in text a provider echoes (its encoded and escaped forms), which values
 * are worth remembering, and the tokens a link carries.
 */

/** Shorter values would scrub ordinary words; they are covered by name-based redaction. */
const MIN_SECRET_CHARS = 6;
/** Encoded forms shorter than this would match too much by chance. */
const MIN_FORM_CHARS = 8;
/** Longer values are not remembered (the memory stays bounded); patterns still apply. */
const MAX_SECRET_CHARS = 8_192;

export function rememberable(secret: unknown): secret is string {
  return (
    typeof secret === 'string' &&
    secret.length >= MIN_SECRET_CHARS &&
    secret.length <= MAX_SECRET_CHARS
  );
}

/** The long path segments and query values of a link: the tokens a sign-in link carries. */
export function tokensInLink(secret: string): string[] {
  if (!/^https?:\/\//i.test(secret)) return [];
  try {
    const url = new URL(secret);
    return [...url.pathname.split('/'), ...url.searchParams.values()].filter(
      (part) => part.length >= 12 && part.length <= MAX_SECRET_CHARS,
    );
  } catch {
    return [];
  }
}

/**
 * The ways a secret shows up in text a provider echoes: as is, URL- or form-encoded, escaped in
 * JSON or HTML, and in base64 (standalone, and the parts fixed whatever bytes precede it).
 */
export function formsOf(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams([['', secret]]).toString().slice(1),
    JSON.stringify(secret).slice(1, -1),
    escapeHtml(secret),
    escapeHtml(secret)
      .replace(/&#39;/g, '&#x27;')
      .replace(/&quot;/g, '&#34;'),
  ]);
  const bytes = new TextEncoder().encode(secret);
  // Stryker disable next-line EqualityOperator: offset 3 is offset 0 shifted by one whole 4-character group
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = base64(padded);
    // Only whole 3-byte groups made of the secret's own bytes encode the same in any context.
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor(padded.length / 3) * 4);
    for (const form of offset === 0 ? [encoded, encoded.replace(/=+$/, ''), core] : [core]) {
      forms.add(form);
      forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].filter((form) => form === secret || form.length >= MIN_FORM_CHARS);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
