/**
 * Prism guards the sandbox's own answers: a provider whose handlers are deliberately wrong is
 * served through the same gate, and every wrong answer is caught. And no operation of a spec is
 * left without a handler.
 */
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SandboxProvider } from '../src/sandbox/definition.js';
import { FaultInjector } from '../src/sandbox/faults.js';
import { synthflow } from '../src/sandbox/providers/synthflow/index.js';
import { twilio } from '../src/sandbox/providers/twilio/index.js';
import { vobiz } from '../src/sandbox/providers/vobiz/index.js';
import { voximplant } from '../src/sandbox/providers/voximplant/index.js';
import { Random } from '../src/sandbox/random.js';
import {
  type ProviderServer,
  type SandboxViolation,
  serveProvider,
} from '../src/sandbox/server.js';
import { call, REPO_SPECS } from './support/sandbox.js';

/** Vobiz with four handlers broken on purpose (and the rest real). */
const wrongVobiz = {
  ...vobiz,
  faults: { ...vobiz.faults, rateLimited: () => json(429, {}, { 'retry-after': 'soon' }) },
  handlers: {
    ...vobiz.handlers,
    // A sub-account without most of its required fields.
    getSubAccount: () => json(200, { name: 'only a name' }),
    // A status the spec does not declare for the operation.
    updateSubAccount: () => json(418, { status: 'error' }),
    // A handler that fails.
    deleteSubAccount: () => {
      throw new Error('boom');
    },
    // No handler at all for the list.
    listSubAccounts: undefined,
  },
} as unknown as typeof vobiz;

let server: ProviderServer;
const violations: SandboxViolation[] = [];
const faults = new FaultInjector(Random.seeded(1, 'test'));
const state = {
  ...(await vobiz.createState(Random.seeded(1, 'vobiz'), new Date())),
  randomState: 1,
};
const { authId, authToken } = vobiz.credentials(state);

beforeAll(async () => {
  server = await serveProvider({
    definition: wrongVobiz,
    operations: await getHttpOperationsFromSpec(REPO_SPECS.vobiz),
    state,
    faults,
    host: '127.0.0.1',
    port: 0,
    onChange: () => {},
    onExchange: () => {},
    onViolation: (violation) => violations.push(violation),
  });
});
afterAll(() => server.close());

const vobizCall = (path: string, init: RequestInit = {}) =>
  call(`${server.url}/api/v1/accounts/${authId}/sub-accounts/${path}`, {
    ...init,
    headers: { 'x-auth-id': authId, 'x-auth-token': authToken, 'content-type': 'application/json' },
  });

describe('a deliberately wrong sandbox answer is caught', () => {
  it('the real create handler passes (so the gate is not simply refusing everything)', async () => {
    const created = await vobizCall('', { method: 'POST', body: JSON.stringify({ name: 'Real' }) });
    expect(created.status).toBe(201);
    expect(violations).toEqual([]);
  });

  it('a body missing required fields becomes Prism’s 500 VIOLATIONS problem, and is recorded', async () => {
    const answer = await vobizCall('SA_ANYTHING');
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('sl-violations')).toContain('required');
    expect(answer.body).toMatchObject({ type: expect.stringContaining('VIOLATIONS') });
    expect(violations.pop()).toMatchObject({
      provider: 'vobiz',
      side: 'response',
      status: 500,
      problem: {
        validation: expect.arrayContaining([expect.objectContaining({ code: 'required' })]),
      },
    });
  });

  it('a status the spec does not declare is caught', async () => {
    const answer = await vobizCall('SA_ANYTHING', {
      method: 'PUT',
      body: JSON.stringify({ name: 'x' }),
    });
    expect(answer.status).toBe(500);
    expect(violations.pop()).toMatchObject({ side: 'response' });
  });

  it('a header of the wrong type is caught', async () => {
    faults.configure({ rateLimitPerSecond: 1 });
    const answers = [
      await vobizCall('SA_A', { method: 'PUT', body: '{}' }),
      await vobizCall('SA_B'),
    ];
    faults.configure({});
    expect(answers.map((answer) => answer.status)).toContain(500);
    expect(JSON.stringify(violations.splice(0))).toContain('retry-after');
  });

  it('a handler that throws, or none at all, is a loud sandbox failure', async () => {
    const thrown = await vobizCall('SA_ANYTHING', { method: 'DELETE' });
    expect(thrown).toMatchObject({
      status: 500,
      body: { type: 'SANDBOX_FAILURE', title: 'the sandbox failed: boom' },
    });
    const missing = await vobizCall('');
    expect(missing).toMatchObject({
      status: 501,
      body: { title: 'the vobiz sandbox does not implement listSubAccounts yet' },
    });
    expect(violations.splice(0).map((violation) => violation.side)).toEqual([
      'response',
      'response',
    ]);
  });
});

describe('every operation of every spec has a handler, and every handler an operation', () => {
  const definitions = { synthflow, twilio, vobiz, voximplant };
  it.each(Object.keys(definitions) as SandboxProvider[])('%s', async (provider) => {
    const operations = await getHttpOperationsFromSpec(REPO_SPECS[provider]);
    const fromSpec = operations.map((operation) => operation.iid).sort();
    expect(Object.keys(definitions[provider].handlers).sort()).toEqual(fromSpec);
  });
});
