/**
 * `@tenantkit/voximplant/error-codes`: the full table of Voximplant error codes — code, symbolic
 * name and the provider's message, 458 entries. The client itself carries only the names
 * (`errorCodeName`), a third of the weight; import this when you want the messages too.
 */
export { VOXIMPLANT_ERROR_CODES } from './data/error-codes.js';
