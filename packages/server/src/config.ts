import { resolve } from 'node:path';
import { z } from 'zod';
import type { ClickHouseServerConfig } from './engines/clickhouse/server-config.ts';

/** Where the warehouse lives: embedded DuckDB or chDB in the data directory, or a ClickHouse server. */
export type WarehouseEngine = 'duckdb' | 'chdb' | 'clickhouse';

const Env = z.object({
  DALBIT_DATA_DIR: z.string().min(1).default('./.dalbit'),
  DALBIT_ENGINE: z.enum(['duckdb', 'chdb', 'clickhouse']).default('duckdb'),
  DALBIT_CLICKHOUSE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DALBIT_CLICKHOUSE_USER: z.string().optional(),
  DALBIT_CLICKHOUSE_PASSWORD: z.string().optional(),
  DALBIT_CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
    .optional(),
  DALBIT_CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/)
    .optional(),
  DALBIT_CLICKHOUSE_MAX_MEMORY: z.coerce.number().int().min(1).optional(),
  DALBIT_LANG: z.enum(['ko', 'en']).default('ko'),
  DALBIT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DALBIT_TRUSTED_PROXY: z.enum(['1', 'true', '0', 'false', '']).optional(),
  DALBIT_ALLOWED_HOSTS: z.string().optional(),
  DALBIT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).optional(),
  DALBIT_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).optional(),
});

export interface Config {
  readonly dataDir: string;
  readonly engine: WarehouseEngine;
  /** The ClickHouse server (DALBIT_CLICKHOUSE_URL …), when one is configured. */
  readonly clickhouse?: ClickHouseServerConfig | undefined;
  readonly lang: 'ko' | 'en';
  /** Server security settings (docs/security.md: deploying behind TLS). */
  readonly security: {
    readonly publicUrl?: string | undefined;
    readonly trustedProxy: boolean;
    readonly allowedHosts: readonly string[];
    readonly sessionIdleMinutes?: number | undefined;
    readonly sessionMaxHours?: number | undefined;
  };
}

/** Parsed once in the CLI/server entry point and passed down; nothing else reads process.env. */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: { dataDir?: string | undefined } = {},
): Config {
  const e = Env.parse(env);
  return {
    dataDir: resolve(overrides.dataDir ?? e.DALBIT_DATA_DIR),
    engine: e.DALBIT_ENGINE,
    clickhouse: e.DALBIT_CLICKHOUSE_URL
      ? {
          url: e.DALBIT_CLICKHOUSE_URL,
          username: e.DALBIT_CLICKHOUSE_USER,
          password: e.DALBIT_CLICKHOUSE_PASSWORD,
          database: e.DALBIT_CLICKHOUSE_DATABASE,
          cluster: e.DALBIT_CLICKHOUSE_CLUSTER,
          maxMemoryUsage: e.DALBIT_CLICKHOUSE_MAX_MEMORY,
        }
      : undefined,
    lang: e.DALBIT_LANG,
    security: {
      publicUrl: e.DALBIT_PUBLIC_URL,
      trustedProxy: e.DALBIT_TRUSTED_PROXY === '1' || e.DALBIT_TRUSTED_PROXY === 'true',
      allowedHosts: (e.DALBIT_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
      sessionIdleMinutes: e.DALBIT_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.DALBIT_SESSION_MAX_HOURS,
    },
  };
}
