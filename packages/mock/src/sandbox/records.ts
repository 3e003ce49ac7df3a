/**
 * What the sandbox keeps of what it served (`exchanges`, `violations`): the most recent records,
 * oldest first, so memory stays bounded however long a sandbox runs or however badly it is called.
 */
export const MAX_EXCHANGES = 10_000;
/** Enough to tell what went wrong; each may hold a problem document of several KB. */
export const MAX_VIOLATIONS = 100;

/** Appends `record`, dropping the oldest beyond `max`. */
export function keepLast<T>(records: T[], record: T, max: number): void {
  records.push(record);
  if (records.length > max) records.splice(0, records.length - max);
}
