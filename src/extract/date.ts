// Every published time in the model is UTC ISO 8601, whatever the source wrote.

/** `2025-03-04T09:30:00+01:00`, `Tue, 04 Mar 2025 08:30:00 GMT`, … → `2025-03-04T08:30:00.000Z`; undefined when unparseable. */
export function toUtcIso(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
