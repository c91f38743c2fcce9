// `npm run bench -- <name…>`: runs bench/<name>.bench.ts (all when no name) and prints one JSON
// object per benchmark on stdout. Each bench file exports `run(): Promise<Record<string, unknown>>`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : available;
let failed = false;
for (const name of names) {
  if (!available.includes(name)) {
    process.stderr.write(`unknown benchmark '${name}'; available: ${available.join(', ')}\n`);
    failed = true;
    continue;
  }
  const mod = (await import(join(here, `${name}.bench.ts`))) as { run: () => Promise<Record<string, unknown>> };
  const result = await mod.run();
  process.stdout.write(`${JSON.stringify({ bench: name, ...result }, null, 2)}\n`);
}
process.exitCode = failed ? 1 : 0;
