/** What a Synthflow client offers: its options, its resources' methods and their types. */
import type { CallOptions, CoreOptions, ProviderClientBase } from '@tenantkit/core';
import type { Client } from 'openapi-fetch';
import type { SynthflowRegion } from './client.js';
import type {
  CreateSubaccountRequest,
  CreateSubaccountResult,
  DeleteSubaccountResult,
  paths,
  SubaccountList,
  UpdateSubaccountRequest,
  UpdateSubaccountResult,
} from './generated/openapi.js';

export interface SynthflowClientOptions extends CoreOptions {
  /** API key of the agency workspace (Synthflow: Integrations → API Keys). */
  apiKey: string;
  /** Which Synthflow deployment to call. Default `global`. */
  region?: SynthflowRegion;
  /** Overrides `region` (a mock server, a proxy). */
  baseUrl?: string;
}

export interface SynthflowSubaccounts {
  /** Creates a sub-account. Never retried blindly: see `RequestError.outcomeUnknown`. */
  create(input: CreateSubaccountRequest, options?: CallOptions): Promise<CreateSubaccountResult>;
  /** One sub-account (Synthflow answers with a one-item `subaccounts` list). */
  get(subaccountId: string, options?: CallOptions): Promise<SubaccountList>;
  /** Every sub-account of the workspace (Synthflow does not page this list). */
  list(options?: CallOptions): Promise<SubaccountList>;
  update(
    subaccountId: string,
    patch: UpdateSubaccountRequest,
    options?: CallOptions,
  ): Promise<UpdateSubaccountResult>;
  delete(subaccountId: string, options?: CallOptions): Promise<DeleteSubaccountResult>;
}

export interface SynthflowClient extends ProviderClientBase<Client<paths>> {
  readonly subaccounts: SynthflowSubaccounts;
}
