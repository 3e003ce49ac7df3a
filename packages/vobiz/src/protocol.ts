import { describeErrorBody, type ErrorDescription } from '@tenantkit/core';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlankText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Vobiz documents `{status, error: {code, message, details}, timestamp, requestId}`, while its own
 * OpenAPI declares the Plivo-style `{api_id, error, message}`. Core reads the first; in the second,
 * `error` is a short sentence (not a code) and `api_id` identifies the request.
 */
export function describeVobizError(body: unknown): ErrorDescription {
  if (!isRecord(body) || typeof body.error !== 'string') return describeErrorBody(body);
  const sentence = nonBlankText(body.error);
  const message = nonBlankText(body.message);
  const parts =
    sentence && message && sentence !== message ? [sentence, message] : [message ?? sentence];
  const providerMessage = parts.filter((part) => part !== undefined).join(': ') || undefined;
  return {
    code: undefined,
    providerMessage,
    requestId: nonBlankText(body.api_id) ?? nonBlankText(body.requestId),
  };
}
