/**
 * Voximplant service-account keys: CreateKey makes a real RSA key pair (its private key is handed
 * out once and can sign tokens for this sandbox at once), listing never shows private parts,
 * unknown key ids answer 433.
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { Handlers, SandboxRequest, SandboxResponse } from '../../definition.js';
import { ok, voxError } from './errors.js';
import { booleanParam, page } from './params.js';
import { addRoles, heldRoles, holderRoleHandlers, selectedRoles } from './roles.js';
import type {
  VoximplantContext,
  VoximplantKey,
  VoximplantKeyInfo,
  VoximplantState,
} from './state.js';

type Found = { key: VoximplantKey } | { refusal: SandboxResponse };

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh RSA key pair as PEM (2048 bits: RS256 signers refuse smaller keys). */
export async function rsaKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  return generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function findKey(request: SandboxRequest, { state }: VoximplantContext): Found {
  const key = state.keys.find((item) => item.key_id === request.query.key_id);
  return key ? { key } : { refusal: voxError(433) };
}

const keyRoles = holderRoleHandlers((request, context) => {
  const found = findKey(request, context);
  return 'refusal' in found ? found : { holder: found.key };
});

function uniqueKeyId({ state, random }: VoximplantContext): string {
  for (;;) {
    const id = random.uuid();
    if (!state.keys.some((key) => key.key_id === id)) return id;
  }
}

export const keyHandlers: Handlers<VoximplantState> = {
  async CreateKey(request, context) {
    const roles = selectedRoles(request, false);
    if ('refusal' in roles) return roles.refusal;
    const pair = await rsaKeyPair();
    // After the await: everything below runs without a break, so no other request interleaves.
    const { state } = context;
    const key: VoximplantKey = {
      key_id: uniqueKeyId(context),
      ...(request.query.key_name !== undefined && { key_name: request.query.key_name }),
      ...(request.query.description !== undefined && { description: request.query.description }),
      role_ids: addRoles([], roles.roleIds),
      public_key: pair.publicKey,
    };
    state.keys.push(key);
    const info: VoximplantKeyInfo = {
      account_email: state.account.email,
      account_id: state.account.id,
      key_id: key.key_id,
      private_key: pair.privateKey,
    };
    // A one-element array, as the official clients read it (the spec accepts both shapes).
    return ok([info]);
  },

  GetKeys(request, { state }) {
    const id = request.query.key_id;
    const withRoles = booleanParam(request, 'with_roles');
    const matching = state.keys.filter((key) => id === undefined || key.key_id === id);
    return ok(
      page(request, matching).map((key) => ({
        key_id: key.key_id,
        ...(key.key_name !== undefined && { key_name: key.key_name }),
        ...(key.description !== undefined && { description: key.description }),
        ...(withRoles && { roles: heldRoles(key.role_ids) }),
      })),
    );
  },

  UpdateKey(request, context) {
    const found = findKey(request, context);
    if ('refusal' in found) return found.refusal;
    found.key.description = request.query.description ?? '';
    if (request.query.key_name !== undefined) found.key.key_name = request.query.key_name;
    return ok(1);
  },

  DeleteKey(request, context) {
    const found = findKey(request, context);
    if ('refusal' in found) return found.refusal;
    // Tokens signed with it stop working at once: the key is gone from the list they are checked against.
    context.state.keys.splice(context.state.keys.indexOf(found.key), 1);
    return ok(1);
  },

  SetKeyRoles: keyRoles.set,
  GetKeyRoles: keyRoles.get,
  RemoveKeyRoles: keyRoles.remove,
};
