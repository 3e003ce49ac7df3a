/** Escaping for the terminal: what a provider answers is shown there, and must not drive it. */

/**
 * Control characters (ESC, CR, BEL, C1, but not the line break) and bidirectional overrides. A
 * provider's answer is shown in a terminal: raw, these would recolour, erase or reorder what the
 * CLI prints (a forged "assigned" row, a hidden line).
 */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for the terminal: every unprintable character written as a visible `\u{…}` escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${char.codePointAt(0)?.toString(16)}}`);
}
