import { type CallOptions, isRecord, type Runner } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type {
  CinConfirmRequest,
  CinSearchRequest,
  CinSearchResult,
  CreateKycSessionRequest,
  DigilockerInitiateRequest,
  DigilockerInitiateResult,
  DigilockerVerifyRequest,
  KycSession,
  KycVerificationResult,
  paths,
  SubAccountKycStatus,
  VerifyGstRequest,
  VerifyPanRequest,
} from './generated/openapi.js';
import { operations } from './generated/operations.js';
import {
  checkCinConfirm,
  checkCinSearch,
  checkDigilockerInitiate,
  checkDigilockerVerify,
  checkKycSession,
  checkKycStatus,
  checkVerifyGst,
  checkVerifyPan,
} from './validate.js';

/** A hosted-session request; `account_auth_id` may be left out (the client fills it from the path). */
export type KycSessionInput = Omit<CreateKycSessionRequest, 'account_auth_id'> & {
  account_auth_id?: string;
};

/**
 * KYC of a `customer_use` sub-account, run by the parent. Every method takes the sub-account's
 * `SA_` auth id. The checks are real (billed, stored): the POSTs are never retried blindly.
 */
export interface VobizKyc {
  /** The aggregated state: one per document, the overall one, and whether calls are blocked. */
  status(subAuthId: string, options?: CallOptions): Promise<SubAccountKycStatus>;
  /** Checks a PAN (10 characters: 5 capital letters, 4 digits, 1 capital letter). */
  verifyPan(
    subAuthId: string,
    input: VerifyPanRequest,
    options?: CallOptions,
  ): Promise<KycVerificationResult>;
  /** Checks a GSTIN (15 characters, e.g. 29AAJCN5983D1Z0). */
  verifyGst(
    subAuthId: string,
    input: VerifyGstRequest,
    options?: CallOptions,
  ): Promise<KycVerificationResult>;
  /** Looks up company registration numbers (CINs) by company name. */
  searchCin(
    subAuthId: string,
    input: CinSearchRequest,
    options?: CallOptions,
  ): Promise<CinSearchResult>;
  /** Confirms a CIN taken unchanged from `searchCin`'s matches. */
  confirmCin(
    subAuthId: string,
    input: CinConfirmRequest,
    options?: CallOptions,
  ): Promise<KycVerificationResult>;
  /** Starts DigiLocker (Aadhaar): send the customer to `auth_url`, keep `access_request_id`. */
  initiateDigilocker(
    subAuthId: string,
    input: DigilockerInitiateRequest,
    options?: CallOptions,
  ): Promise<DigilockerInitiateResult>;
  /** Finishes DigiLocker once the customer is back, with the `access_request_id`. */
  verifyDigilocker(
    subAuthId: string,
    input: DigilockerVerifyRequest,
    options?: CallOptions,
  ): Promise<KycVerificationResult>;
  /** A Vobiz-hosted session: an emailed link (`email`) or a `widget_url` (`redirect`). */
  createSession(
    subAuthId: string,
    input: KycSessionInput,
    options?: CallOptions,
  ): Promise<KycSession>;
}

const BASE = '/api/v1/sub-accounts/{sub_auth_id}';
const asObject = <T>(data: T): T | undefined => (isRecord(data) ? data : undefined);
const asResult = <T>(data: T): T | undefined =>
  isRecord(data) && typeof data.status === 'string' ? data : undefined;

/**
 * `bearer` gives the extra header of the KYC calls (the parent's sign-in token, when configured);
 * the header pair is sent too, by the runner.
 */
export function createVobizKyc(
  runner: Runner,
  raw: Client<paths>,
  bearer: () => Promise<Record<string, string>>,
): VobizKyc {
  /** The attempt's headers plus the bearer header, fetched per attempt (a token may be renewed). */
  const withBearer = async <T extends { headers: Record<string, string> }>(init: T) => ({
    ...init,
    headers: { ...init.headers, ...(await bearer()) },
  });
  const path = (subAuthId: string) => ({ path: { sub_auth_id: subAuthId } });

  return {
    async status(subAuthId, call) {
      checkKycStatus(subAuthId);
      const params = path(subAuthId);
      return runner.run(
        operations.getSubAccountKycStatus,
        async (init) => raw.GET(`${BASE}/kyc/status`, { ...(await withBearer(init)), params }),
        { call, unwrap: asObject, expects: 'a KYC state object' },
      );
    },
    async verifyPan(subAuthId, body, call) {
      checkVerifyPan(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.verifySubAccountPan,
        async (init) =>
          raw.POST(`${BASE}/kyc/verify-pan`, { ...(await withBearer(init)), params, body }),
        { call, input: body, unwrap: asResult, expects: 'a `status`' },
      );
    },
    async verifyGst(subAuthId, body, call) {
      checkVerifyGst(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.verifySubAccountGst,
        async (init) =>
          raw.POST(`${BASE}/kyc/verify-gst`, { ...(await withBearer(init)), params, body }),
        { call, input: body, unwrap: asResult, expects: 'a `status`' },
      );
    },
    async searchCin(subAuthId, body, call) {
      checkCinSearch(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.searchSubAccountCin,
        async (init) =>
          raw.POST(`${BASE}/kyc/cin/search`, { ...(await withBearer(init)), params, body }),
        { call, input: body, unwrap: asObject, expects: 'a search result object' },
      );
    },
    async confirmCin(subAuthId, body, call) {
      checkCinConfirm(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.confirmSubAccountCin,
        async (init) =>
          raw.POST(`${BASE}/kyc/cin/confirm`, { ...(await withBearer(init)), params, body }),
        { call, input: body, unwrap: asResult, expects: 'a `status`' },
      );
    },
    async initiateDigilocker(subAuthId, body, call) {
      checkDigilockerInitiate(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.initiateSubAccountDigilocker,
        async (init) =>
          raw.POST(`${BASE}/kyc/digilocker/initiate`, {
            ...(await withBearer(init)),
            params,
            body,
          }),
        { call, input: body, unwrap: asObject, expects: 'an object with `auth_url`' },
      );
    },
    async verifyDigilocker(subAuthId, body, call) {
      checkDigilockerVerify(subAuthId, body);
      const params = path(subAuthId);
      return runner.run(
        operations.verifySubAccountDigilocker,
        async (init) =>
          raw.POST(`${BASE}/kyc/digilocker/verify`, {
            ...(await withBearer(init)),
            params,
            body,
          }),
        { call, input: body, unwrap: asResult, expects: 'a `status`' },
      );
    },
    async createSession(subAuthId, input, call) {
      checkKycSession(subAuthId, input);
      // The SDK requires it and the reference marks it required; it is always this sub-account.
      const body: CreateKycSessionRequest = { ...input, account_auth_id: subAuthId };
      const params = path(subAuthId);
      return runner.run(
        operations.createSubAccountKycSession,
        async (init) =>
          raw.POST(`${BASE}/kyc-sessions`, { ...(await withBearer(init)), params, body }),
        {
          call,
          input: body,
          unwrap: (data) =>
            isRecord(data) && typeof data.session_id === 'string' ? data : undefined,
          expects: 'a `session_id`',
        },
      );
    },
  };
}
