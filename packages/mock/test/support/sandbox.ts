/** Helpers for the sandbox tests: the repository's specs (the source of truth) and raw calls. */
import { sign } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { SandboxProvider } from '../../src/index.js';

export const REPO_SPECS: Record<SandboxProvider, string> = {
  synthflow: fileURLToPath(new URL('../../../../specs/synthflow.yaml', import.meta.url)),
  twilio: fileURLToPath(new URL('../../../../specs/twilio.yaml', import.meta.url)),
  vobiz: fileURLToPath(new URL('../../../../specs/vobiz.yaml', import.meta.url)),
  voximplant: fileURLToPath(new URL('../../../../specs/voximplant.yaml', import.meta.url)),
};

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** A JWT as Voximplant's clients make it, with every part under the test's control. */
export function voximplantToken(
  privateKey: string,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', ...header })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
