import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { runCli } from '../../support/run-cli.ts';
import { insertTraitsFixture } from './traits-fixture.ts';

describe('dalbit traits compute', () => {
  it('stores customer_traits and prints the summary in Korean, English and JSON', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalbit-traits-'));
    const engine = await openWarehouse({ dataDir });
    await insertTraitsFixture(engine);
    await engine.close();

    const json = await runCli(['--data-dir', dataDir, 'traits', 'compute', '--as-of', '2024-06-01', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const s = JSON.parse(json.stdout);
    // a, b, e have discounted-order share ≥ 0.5 (0.6, 2/3, 1); b and e have cherry scores ≥ 0.5;
    // only a migrated; no next expected purchase falls in [Jun 1, Jun 8) KST except a's (Jun 8 01:00Z = 10:00 KST → outside).
    expect(s).toMatchObject({
      asOf: '2024-05-31T15:00:00.000Z',
      customers: 5,
      buyers: 4,
      discountSensitive: 3,
      cherryPickers: 2,
      migratedToOwnShop: 1,
      goldenTimeNext7Days: 0,
    });
    expect(s.preferredCategories).toEqual([
      { category: 'tops', customers: 2 },
      { category: 'bags', customers: 1 },
      { category: 'socks', customers: 1 },
    ]);

    const ko = await runCli(['--data-dir', dataDir, 'traits', 'compute', '--as-of', '2024-06-01']);
    expect(ko.stdout).toContain('마켓 → 자사몰 전환\t1\t20.0%');
    const en = await runCli(['--data-dir', dataDir, 'traits', 'compute', '--as-of', '2024-06-01'], {
      DALBIT_LANG: 'en',
    });
    expect(en.stdout).toContain('smartstore → cafe24\t1');

    const bad = await runCli(['--data-dir', dataDir, 'traits', 'compute', '--as-of', '2024-13-01']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--as-of');
  });
});
