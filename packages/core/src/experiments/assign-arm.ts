import { sha256Bytes } from '../hash/sha256.ts';

/** One arm of an experiment and its share of traffic (weights are normalised to sum to 1). */
export interface ArmWeight {
  readonly name: string;
  readonly weight: number;
}

/**
 * Uniform number in [0, 1) from `salt + ':' + customerId`: the first 52 bits of its SHA-256,
 * divided by 2^52. Depends on nothing else, so re-runs and segment refreshes (customers joining
 * or leaving) never move anyone. Same value in SQL (tested bit for bit on both engines):
 * DuckDB `('0x' || left(sha256(salt || ':' || id), 13))::UBIGINT::DOUBLE / 4503599627370496.0`;
 * ClickHouse `toFloat64(bitShiftRight(reinterpretAsUInt64(reverse(substring(SHA256(concat(salt, ':', id)), 1, 8))), 12)) / 4503599627370496.0`.
 */
export function hashToUnit(salt: string, customerId: string): number {
  const d = sha256Bytes(`${salt}:${customerId}`);
  // 52 bits = 6.5 bytes: 4 bytes high, then 2.5 bytes (20 bits) low.
  const high = (((d[0] ?? 0) << 24) | ((d[1] ?? 0) << 16) | ((d[2] ?? 0) << 8) | (d[3] ?? 0)) >>> 0;
  const low = (((d[4] ?? 0) << 12) | ((d[5] ?? 0) << 4) | ((d[6] ?? 0) >>> 4)) >>> 0;
  return (high * 2 ** 20 + low) / 2 ** 52;
}

/**
 * The arm of `customerId`: arms are laid out in the given order on [0, 1) with widths equal to
 * their normalised weights. Keep the order and weights fixed for the life of an experiment;
 * changing them moves customers (adding customers never does).
 * @example assignArm({ salt: 'cmp-42', customerId: 'c-1', arms: [{ name: 'control', weight: 0.1 }, { name: 'A', weight: 0.45 }, { name: 'B', weight: 0.45 }] })
 */
export function assignArm(input: { salt: string; customerId: string; arms: readonly ArmWeight[] }): string {
  const total = input.arms.reduce((s, a) => s + a.weight, 0);
  if (input.arms.length === 0 || !(total > 0) || input.arms.some((a) => !(a.weight >= 0))) {
    throw new RangeError('assignArm: arms need non-negative weights with a positive sum');
  }
  const u = hashToUnit(input.salt, input.customerId) * total;
  let cumulative = 0;
  for (const arm of input.arms) {
    cumulative += arm.weight;
    if (u < cumulative) return arm.name;
  }
  // u < total always holds mathematically; rounding in the running sum can leave the last sliver.
  const last = [...input.arms].reverse().find((a) => a.weight > 0);
  return (last ?? input.arms[input.arms.length - 1])?.name ?? '';
}
