/**
 * How a sub-account's KYC adds up. Which documents a business type needs is not published: the
 * sandbox asks PAN and Aadhaar of a person or sole proprietor, PAN and CIN of a company (private,
 * public, LLP), PAN and GSTIN of the others — an assumption, stated in the notes.
 */
import { KYC_DOCUMENTS, type KycDocument, type VobizRecord } from './state.js';

const COMPANIES = ['private_limited', 'public_limited', 'llp'];
const PEOPLE = ['individual', 'proprietorship'];

export function requiredDocuments(businessType: string | null): KycDocument[] {
  if (businessType === null || PEOPLE.includes(businessType)) return ['pan', 'aadhaar'];
  if (COMPANIES.includes(businessType)) return ['pan', 'cin'];
  return ['pan', 'gst'];
}

export function overallStatus(record: VobizRecord): string {
  const states = record.kyc.documents;
  const required = requiredDocuments(record.business_type);
  if (required.some((document) => states[document] === 'failed')) return 'failed';
  if (required.every((document) => states[document] === 'verified')) return 'verified';
  return Object.keys(states).length > 0 ? 'pending' : 'not_started';
}

/** A `customer_use` sub-account may not call until its KYC is verified. */
export function callsBlocked(record: VobizRecord): boolean {
  return record.kyc_mode === 'customer_use' && overallStatus(record) !== 'verified';
}

export function verifications(record: VobizRecord): Record<KycDocument, string> {
  return Object.fromEntries(
    KYC_DOCUMENTS.map((document) => [document, record.kyc.documents[document] ?? 'not_started']),
  ) as Record<KycDocument, string>;
}
