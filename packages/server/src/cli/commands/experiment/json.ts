/** Stable JSON shape: statistics that are not defined (no conversions, no variance) become null. */
export function toJsonValue(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}
