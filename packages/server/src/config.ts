import { resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DALBIT_DATA_DIR: z.string().min(1).default('./.dalbit'),
  DALBIT_ENGINE: z.enum(['duckdb', 'chdb']).default('duckdb'),
  DALBIT_LANG: z.enum(['ko', 'en']).default('ko'),
});

export interface Config {
  readonly dataDir: string;
  readonly engine: 'duckdb' | 'chdb';
  readonly lang: 'ko' | 'en';
}

/** Parsed once in the CLI/server entry point and passed down; nothing else reads process.env. */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: { dataDir?: string | undefined } = {},
): Config {
  const e = Env.parse(env);
  return { dataDir: resolve(overrides.dataDir ?? e.DALBIT_DATA_DIR), engine: e.DALBIT_ENGINE, lang: e.DALBIT_LANG };
}
