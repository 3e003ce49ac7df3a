/**
 * Vobiz sub-account KYC. The sandbox cannot check real documents: a PAN or GSTIN of the official
 * shape verifies and any other fails; a company's CIN is derived from its name, so only the CIN
 * the search returned confirms; DigiLocker verifies the access requests it started. Each outcome
 * is stored and the sub-account's KYC state, and its call block, follow.
 */

import {
  type Handler,
  type Handlers,
  json,
  type SandboxRequest,
  type SandboxResponse,
} from '../../definition.js';
import { sha256 } from '../../hash.js';
import { vobizError } from './errors.js';
import { callsBlocked, overallStatus, verifications } from './kyc-rules.js';
import { findSubAccount, subAccountNotFound } from './lookup.js';
import type { KycDocument, VobizContext, VobizRecord, VobizState } from './state.js';

type KycHandler = (
  record: VobizRecord,
  body: Record<string, string>,
  context: VobizContext,
) => SandboxResponse;

const PAN = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const GSTIN = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/** Every KYC call names a sub-account of the parent in its path. */
function forSubAccount(handle: KycHandler): Handler<VobizState> {
  return (request: SandboxRequest, context) => {
    const record = findSubAccount(request.params.sub_auth_id, context);
    if (!record) return subAccountNotFound(request.params.sub_auth_id, context);
    return handle(record, (request.body ?? {}) as Record<string, string>, context);
  };
}

/** Stores an outcome, re-derives the call block, answers the check's result. */
function outcome(record: VobizRecord, document: KycDocument, verified: boolean, fields: object) {
  record.kyc.documents[document] = verified ? 'verified' : 'failed';
  record.kyc_calls_blocked = callsBlocked(record);
  return json(200, {
    verification_type: document,
    status: record.kyc.documents[document],
    ...fields,
    kyc_calls_blocked: record.kyc_calls_blocked,
  });
}

/** The CIN the sandbox's register gives a company name (the same name, the same CIN). */
export function cinFor(companyName: string): string {
  const digits = BigInt(`0x${sha256(companyName.trim().toUpperCase()).slice(0, 12)}`) % 1_000_000n;
  return `U72900KA2024PTC${String(digits).padStart(6, '0')}`;
}

export const kycHandlers: Handlers<VobizState> = {
  getSubAccountKycStatus: forSubAccount((record) =>
    json(200, {
      sub_account_id: record.auth_id,
      kyc_mode: record.kyc_mode,
      business_type: record.business_type,
      overall_status: overallStatus(record),
      kyc_calls_blocked: record.kyc_calls_blocked,
      verifications: verifications(record),
    }),
  ),

  verifySubAccountPan: forSubAccount((record, { pan = '' }) =>
    outcome(record, 'pan', PAN.test(pan), {
      pan,
      registered_name: record.name.toUpperCase(),
      name_match: true,
    }),
  ),

  verifySubAccountGst: forSubAccount((record, { gstin = '' }) =>
    outcome(record, 'gst', GSTIN.test(gstin), { gstin, legal_name: record.name.toUpperCase() }),
  ),

  searchSubAccountCin: forSubAccount((_record, { company_name = '' }) =>
    json(200, {
      matches: [{ cin: cinFor(company_name), company_name: company_name.trim().toUpperCase() }],
    }),
  ),

  confirmSubAccountCin: forSubAccount((record, { company_name = '', selected_cin = '' }) =>
    outcome(record, 'cin', selected_cin === cinFor(company_name), { cin: selected_cin }),
  ),

  initiateSubAccountDigilocker: forSubAccount((record, _body, { random }) => {
    const id = `AR_${random.alphanumeric(8)}`;
    record.kyc.digilockerRequests.push(id);
    if (record.kyc.documents.aadhaar !== 'verified') record.kyc.documents.aadhaar = 'pending';
    return json(200, {
      auth_url: `https://digilocker.sandbox.example/oauth/authorize?request=${id}`,
      access_request_id: id,
    });
  }),

  verifySubAccountDigilocker: forSubAccount((record, { access_request_id = '' }, context) => {
    const pending = record.kyc.digilockerRequests;
    if (!pending.includes(access_request_id)) {
      return vobizError(
        400,
        'BAD_REQUEST',
        'access_request_id was not started for this sub-account',
        { field: 'access_request_id' },
        context,
      );
    }
    pending.splice(pending.indexOf(access_request_id), 1);
    return outcome(record, 'aadhaar', true, {});
  }),
};
