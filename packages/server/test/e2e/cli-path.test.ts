import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveComplianceSettings } from '../../src/campaigns/compliance-settings.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { runCli } from '../support/run-cli.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { type SolapiGateway, startSolapiGateway } from '../support/solapi-gateway.ts';
import { SENDER, SMS_FROM } from './support/demo-brand.ts';

// The same path through `dalbit …` (main() with argv): demo → refresh → segment create --recipe →
// campaign create --file → campaign run → dispatcher --once (credentials from the environment,
// pointing at the local servers) → campaign report --json.
// The brand's compliance.json turns the night/quiet windows off for email and SMS so that
// `dispatcher --once`, which runs on the real clock, sends at any hour of the day the test runs.
describe('the CLI path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-e2e-cli-'));
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let solapi: SolapiGateway;
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    solapi = await startSolapiGateway({
      apiKey: 'K',
      apiSecret: 'S',
      senderNumbers: [SMS_FROM],
      pfIds: [],
      templates: {},
    });
    env = {
      DALBIT_DATA_DIR: dir,
      DALBIT_LANG: 'ko',
      DALBIT_SMTP_HOST: '127.0.0.1',
      DALBIT_SMTP_PORT: String(smtp.port),
      DALBIT_RATE_SMTP: '2000',
      DALBIT_SOLAPI_API_KEY: 'K',
      DALBIT_SOLAPI_API_SECRET: 'S',
      DALBIT_SOLAPI_BASE_URL: solapi.url,
      DALBIT_COUPON_SECRET: 'cli-coupon-secret',
    };
  });
  afterAll(async () => {
    await solapi?.close();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('demo → refresh → segment → campaign → dispatcher → report', async () => {
    const ok = async (argv: string[]) => {
      const r = await runCli(argv, env);
      expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    const demo = JSON.parse(
      (await ok(['demo', '--no-serve', '--json', '--customers', '1500', '--seed', '5', '--events-per-customer', '0']))
        .stdout,
    ) as {
      customers: number;
      rowsRejected: number;
    };
    expect(demo.rowsRejected).toBe(0);
    expect(demo.customers).toBeGreaterThan(1400);
    const refresh = JSON.parse((await ok(['refresh', '--as-of', '2026-11-16', '--json'])).stdout) as unknown;
    expect(JSON.stringify(refresh)).not.toContain('"ok":false');
    const seg = JSON.parse((await ok(['segment', 'create', '--recipe', 'vip-top-spenders', '--json'])).stdout) as {
      segmentId: string;
    };
    expect(seg.segmentId).toBeTruthy();

    // The demo saved the brand's settings in the warehouse, which wins over compliance.json (decision
    // 0015): a new revision, as the dashboard's PUT /api/settings/compliance would save it.
    const settingsEngine = await openWarehouse({ dataDir: dir });
    try {
      const saved = await saveComplianceSettings(
        settingsEngine,
        {
          sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
          holidays: { avoidLunarHolidays: false },
          quietHours: { window: null },
          legalNight: { exempt: ['email', 'sms', 'onsite', 'webhook'] },
          providerWindows: [],
        },
        { by: 'e2e', at: new Date() },
      );
      expect(saved.revision).toBeGreaterThan(1);
    } finally {
      await settingsEngine.close();
    }
    // `dalbit demo` imported the files at the real current time, and Cafe24's consent columns are
    // states stamped with the import time: the campaign runs after that, on the real clock.
    const sendAt = new Date(Date.now() - 30 * 60_000);
    const file = join(dir, 'vip.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'vip-preview',
        name: 'VIP 신상품 선공개',
        purpose: 'ad',
        audience: { kind: 'segment', segmentId: seg.segmentId },
        trigger: { kind: 'broadcast', at: sendAt.toISOString() },
        channel: 'email',
        templates: [
          {
            channel: 'email',
            subject: '{{ name }}님께만 먼저 보여드려요',
            text: '{{ name }}님, VIP 신상품 선공개에 초대합니다.',
          },
          { channel: 'sms', text: '{{ name }}님 VIP 선공개' },
        ],
        sender: SENDER,
        sendTime: { time: '10:00', usePreferredHour: false },
        experiment: {
          holdoutPercent: 10,
          variants: [
            { name: 'A', weight: 1 },
            { name: 'B', weight: 1, channel: 'sms' },
          ],
        },
      }),
    );
    await ok(['campaign', 'create', '--file', file]);
    const run = JSON.parse(
      (await ok(['campaign', 'run', 'vip-preview', '--now', new Date(Date.now() + 1000).toISOString(), '--json']))
        .stdout,
    ) as {
      queued: number;
      blocked: number;
      holdout: number;
      blockedBy: Record<string, number>;
    };
    expect(run.queued).toBeGreaterThan(0);
    expect(run.holdout).toBeGreaterThan(0);
    expect(Object.keys(run.blockedBy).length).toBeGreaterThan(0);

    const pass = JSON.parse(
      (await ok(['dispatcher', '--once', '--json'])).stdout.trim().split('\n').at(-1) ?? '{}',
    ) as {
      accepted: number;
      failed: number;
    };
    expect(pass).toMatchObject({ accepted: run.queued, failed: 0 });
    const smsSent = solapi.requests.flatMap((r) => r.body.messages);
    expect(smtp.mails.length + smsSent.length).toBe(run.queued);
    expect(smtp.mails.every((m) => m.parsed.subject?.startsWith('(광고) '))).toBe(true);
    expect(
      smsSent.every((m) => m.text?.startsWith('(광고)달빛상회') && /무료수신거부 080-123-4567$/.test(m.text)),
    ).toBe(true);

    const report = JSON.parse((await ok(['campaign', 'report', 'vip-preview', '--json'])).stdout) as CampaignReport;
    const sum = (k: 'sent' | 'blocked' | 'heldOut') => report.funnel.reduce((t, f) => t + f[k], 0);
    expect({ sent: sum('sent'), blocked: sum('blocked'), heldOut: sum('heldOut') }).toEqual({
      sent: run.queued,
      blocked: run.blocked,
      heldOut: run.holdout,
    });
    const engine = await openWarehouse({ dataDir: dir });
    try {
      const [m] = await engine.query<{ n: number }>(
        "SELECT count(*) AS n FROM messages WHERE campaign_id = 'vip-preview' AND status = 'accepted'",
      );
      expect(Number(m?.n)).toBe(run.queued);
    } finally {
      await engine.close();
    }
  }, 240_000);
});
