// The `@tenantkit/voximplant/error-codes` subpath: the full table, typed, in every resolution mode.
// Voximplant's own subpath (the one provider that ships its error table apart): not a list.
import { VOXIMPLANT_ERROR_CODES } from '@tenantkit/voximplant/error-codes';

const first = VOXIMPLANT_ERROR_CODES[0];
export const firstName: string | undefined = first?.[1];
export const codes: number[] = VOXIMPLANT_ERROR_CODES.map(([code]) => code);
