import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCampaign } from '@dalbit/core/campaigns/parse-campaign';
import { describe, expect, it } from 'vitest';
import { campaignFromFlags } from '../../src/campaigns/campaign-from-flags.ts';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { insertRows } from '../support/insert-rows.ts';
import { runCli } from '../support/run-cli.ts';
import { consent, customer, kst, member } from './fixture.ts';

function campaignFromFlagsOrThrow(flags: Parameters<typeof campaignFromFlags>[0]) {
  const built = campaignFromFlags(flags);
  if ('error' in built) throw new Error(built.error);
  const parsed = parseCampaign(built);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.campaign;
}

describe('dalbit campaign', () => {
  it('create (file errors, flags), list, simulate, run twice, status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-campaign-'));
    const env = { DALBIT_DATA_DIR: dir, DALBIT_LANG: 'en' };
    const engine = await openWarehouse({ dataDir: dir });
    await insertRows(engine, 'customers', [customer('c1'), customer('c2')]);
    await insertRows(engine, 'consents', [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad', false)]);
    await insertRows(engine, 'customer_channels', [member('c1'), member('c2')]);
    await engine.close();
    writeFileSync(
      join(dir, 'compliance.json'),
      JSON.stringify({ sender: { name: '달빛상회', optOutNumber: '080-123-4567' } }),
    );

    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x y',
        name: 'n',
        purpose: 'spam',
        trigger: { kind: 'broadcast', at: 'tomorrow' },
        channel: 'sms',
        templates: [{ channel: 'sms', text: 'hi' }],
      }),
    );
    const r1 = await runCli(['campaign', 'create', '--file', bad], env);
    expect(r1.code).toBe(65);
    expect(r1.stderr).toContain('id:');
    expect(r1.stderr).toContain('purpose:');
    expect(r1.stderr).toContain('trigger.at:');

    const at = kst('2025-06-10', '10:00').toISOString();
    const r2 = await runCli(
      [
        'campaign',
        'create',
        '--id',
        'sale',
        '--name',
        '세일',
        '--text',
        '{{ name }}님 세일',
        '--sms-from',
        '0212345678',
        '--at',
        at,
        '--json',
      ],
      env,
    );
    expect(r2.code).toBe(0);
    expect(JSON.parse(r2.stdout)).toEqual({ ok: true, id: 'sale', revision: 1 });
    expect((await runCli(['campaign', 'list'], env)).stdout).toContain('sale  r1  active  ad  sms  broadcast');

    const sim = await runCli(
      ['campaign', 'simulate', 'sale', '--from', '2025-06-10', '--to', '2025-06-10', '--json'],
      env,
    );
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.stdout).totals).toMatchObject({
      touches: 2,
      queued: 1,
      blocked: 1,
      blockedBy: { OPTED_OUT: 1 },
    });

    const now = kst('2025-06-10', '10:05').toISOString();
    const run1 = JSON.parse((await runCli(['campaign', 'run', 'sale', '--now', now, '--json'], env)).stdout);
    const run2 = JSON.parse((await runCli(['campaign', 'run', 'sale', '--now', now, '--json'], env)).stdout);
    expect([run1.touches, run1.queued, run1.blocked, run2.touches]).toEqual([2, 1, 1, 0]);
    const status = await runCli(['campaign', 'status', 'sale'], env);
    expect(status.stdout).toContain('queued  -  1');
    expect(status.stdout).toContain('blocked  OPTED_OUT (recipient opted out)  1');
    expect(status.stdout).toContain('main  2  2');
    const capped = await runCli(['campaign', 'preview', 'sale', '--customer', 'c1', '--at', now], env);
    expect(capped.stdout).toContain('blocked: CAPPED (frequency cap reached) — day cap 1/1');
    const preview = await runCli(
      ['campaign', 'preview', 'sale', '--customer', 'c1', '--at', kst('2025-06-11', '10:00').toISOString()],
      env,
    );
    expect(preview.stdout).toContain('(광고)달빛상회');
    expect(preview.stdout).toContain('would send');
  });
  it('refuses an audience that cannot be resolved when saving, and reports one saved earlier without a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalbit-campaign-audience-'));
    const env = { DALBIT_DATA_DIR: dir };
    const flags = ['--name', 'n', '--text', 'hi', '--sms-from', '0212345678', '--daily', '10:00'];
    const recipe = await runCli(['campaign', 'create', '--id', 'r', ...flags, '--recipe', 'no-such-recipe'], env);
    expect(recipe.code).toBe(65);
    expect(recipe.stderr).toContain(
      "오류: 대상 고객(audience)을 정할 수 없습니다 — 저장·발송하지 않았습니다: 레시피 「no-such-recipe」로 대상을 만들 수 없습니다: unknown recipe 'no-such-recipe'",
    );
    const segment = await runCli(['campaign', 'create', '--id', 's', ...flags, '--segment', 'seg-missing'], env);
    expect(segment.code).toBe(65);
    expect(segment.stderr).toContain('저장된 대상 「seg-missing」을(를) 찾을 수 없습니다');
    expect(JSON.parse((await runCli(['campaign', 'list', '--json'], env)).stdout)).toEqual([]);

    // A campaign stored before this check (or by another writer) fails as a user error on use.
    const engine = await openWarehouse({ dataDir: dir });
    await saveCampaign(
      engine,
      campaignFromFlagsOrThrow({
        id: 'old',
        name: 'n',
        text: 'hi',
        smsFrom: '0212345678',
        daily: '10:00',
        segment: 'seg-missing',
      }),
      new Date('2025-06-01T00:00:00Z'),
    );
    await engine.close();
    for (const args of [
      ['campaign', 'simulate', 'old', '--from', '2025-06-10', '--to', '2025-06-10'],
      ['campaign', 'run', 'old', '--now', '2025-06-10T03:00:00Z'],
    ]) {
      const r = await runCli(args, env);
      expect(r.code).toBe(65);
      expect(r.stderr).toContain('대상 고객(audience)을 정할 수 없습니다');
      expect(r.stderr).toContain('「seg-missing」');
      expect(r.stderr).not.toMatch(/unexpected error|예기치 않은 오류/);
    }
  });
});
