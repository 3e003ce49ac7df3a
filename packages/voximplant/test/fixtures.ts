/** Test credentials: RSA key pairs made when the tests run, never a committed private key. */
import type { KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRecordingFetch,
  type RecordedRequest,
  throwawayVoximplantKey,
} from '@tenantkit/mock';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { VoximplantCredentials } from '../src/index.js';
import { createVoximplantClient, type VoximplantClientOptions } from '../src/index.js';

export interface TestKey {
  credentials: Required<VoximplantCredentials>;
  publicKey: KeyObject;
}

export function makeTestKey(
  accountId = 4242,
  keyId = 'ab81c66e-570e-4446-9af9-105269dfafca',
): TestKey {
  return throwawayVoximplantKey({ accountId, keyId });
}

/**
 * The key most tests sign with: the process's shared throwaway key (2048-bit generation takes a
 * quarter of a second of CPU; the files of a worker share it). `makeTestKey()` makes a new one.
 */
export const testKey: TestKey = throwawayVoximplantKey({
  shared: true,
  accountId: 4242,
  keyId: 'ab81c66e-570e-4446-9af9-105269dfafca',
});

const tempDirs: string[] = [];

/** Writes `content` to a fresh temporary file and returns its path (see `removeTempFiles`). */
export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenantkit-vox-'));
  tempDirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function removeTempFiles(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const BASE_URL = 'https://voximplant.test/platform_api';

/** A client over a recording fetch that answers every request with `answer` (or its result). */
export function recordingClient(
  answer: Record<string, unknown> | ((request: RecordedRequest) => Response | Promise<Response>),
  options: Partial<VoximplantClientOptions> = {},
) {
  const recorder = createRecordingFetch(
    typeof answer === 'function' ? answer : () => Response.json(answer),
  );
  const client = createVoximplantClient({
    credentials: testKey.credentials,
    baseUrl: BASE_URL,
    fetch: recorder.fetch,
    retryDelay: { initialMs: 1, maxMs: 5 },
    ...options,
  });
  return { client, requests: recorder.requests };
}

/** The bearer token a request carried. */
export function tokenOf(request: RecordedRequest | undefined): string {
  const header = request?.headers.get('authorization') ?? '';
  if (!header.startsWith('Bearer ')) throw new Error('request carried no bearer token');
  return header.slice('Bearer '.length);
}

export const claimsOf = (token: string) => decodeJwt(token);
export const headerOf = (token: string) => decodeProtectedHeader(token);
