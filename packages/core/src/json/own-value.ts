/**
 * `table[key]` only when `key` is the table's own property, for lookups by a key that came from
 * outside (a definition, a file, a request): `constructor`, `__proto__` and `toString` give
 * `undefined` instead of `Object.prototype`'s members.
 * @example ownValue({ eq: '=' }, 'constructor') // undefined
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
