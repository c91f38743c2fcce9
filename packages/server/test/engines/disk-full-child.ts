// Run by disk-full.test.ts inside its own mount namespace, with `dataDir` on a small tmpfs: the CLI
// imports a file larger than the disk, then the warehouse is reopened and counted. Prints JSON.
import { main } from '../../src/cli/main.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';

const [dataDir, bigFile] = process.argv.slice(2) as [string, string];
const init = await main(['node', 'dalbit', '--data-dir', dataDir, 'init'], {});
process.stderr.write('--- import ---\n');
const imported = await main(['node', 'dalbit', '--data-dir', dataDir, 'import', bigFile, '--no-refresh'], {});
const engine = await openWarehouse({ dataDir });
const [row] = await engine.query<{ events: number }>('SELECT count(*) AS events FROM events');
await engine.close();
process.stdout.write(`${JSON.stringify({ init, imported, events: Number(row?.events ?? -1) })}\n`);
