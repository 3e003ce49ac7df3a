/** Helpers for the sandbox tests: the repository's specs (the source of truth) and raw calls. */
import { sign } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  SANDBOX_PROVIDERS,
  type Sandbox,
  type SandboxOptions,
  type SandboxProvider,
  startSandbox,
} from '../../src/index.js';

/** `specs/<provider>.yaml` of every provider the sandbox models. */
export const REPO_SPECS = Object.fromEntries(
  SANDBOX_PROVIDERS.map((provider) => [
    provider,
    fileURLToPath(new URL(`../../../../specs/${provider}.yaml`, import.meta.url)),
  ]),
) as Record<SandboxProvider, string>;

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

/** The headers of a Vobiz call with the sandbox's own credentials, and a JSON body. */
export function vobizHeaders(sandbox: Sandbox): Record<string, string> {
  const { authId, authToken } = sandbox.credentials.vobiz ?? { authId: '', authToken: '' };
  return { 'x-auth-id': authId, 'x-auth-token': authToken, 'content-type': 'application/json' };
}

/** The sandbox's Vobiz sub-account collection (its main account's). */
export const vobizSubAccounts = (sandbox: Sandbox) =>
  `${sandbox.urls.vobiz}/api/v1/accounts/${sandbox.credentials.vobiz?.authId}/sub-accounts/`;

/** An `authorization` value for the sandbox's Voximplant: a fresh token signed with its key. */
export function voximplantBearer(sandbox: Sandbox): string {
  const key = sandbox.credentials.voximplant?.credentials;
  if (!key) throw new Error('no voximplant credentials');
  const token = voximplantToken(
    key.private_key,
    { kid: key.key_id },
    { iss: key.account_id, iat: nowSeconds(), exp: nowSeconds() + 60 },
  );
  return `Bearer ${token}`;
}

/** Runs `run` against a sandbox on the repository's specs, and stops the sandbox whatever happens. */
export async function withSandbox(
  options: SandboxOptions,
  run: (sandbox: Sandbox) => Promise<void>,
): Promise<void> {
  const sandbox = await startSandbox({ specs: REPO_SPECS, ...options });
  try {
    await run(sandbox);
  } finally {
    await sandbox.stop();
  }
}
