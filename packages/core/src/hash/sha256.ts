import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 for core: the audited, dependency-free `@noble/hashes` implementation, so core stays pure
 * (no `node:crypto`) and gives the same digest in Node, the browser and SQL engines (DuckDB
 * `sha256`, ClickHouse `SHA256`). Server code that hashes secrets uses `node:crypto` directly.
 */
export function sha256Bytes(text: string): Uint8Array {
  return nobleSha256(utf8ToBytes(text));
}

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256Bytes(text));
}
