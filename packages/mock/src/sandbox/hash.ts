import { createHash } from 'node:crypto';

/** Secrets the sandbox must recognise later (tokens, passwords) are kept only as this hash. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
