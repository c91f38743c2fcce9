import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldConsents } from '@dalbit/core/compliance/consent-state';
import { afterEach, describe, expect, it } from 'vitest';
import { readConsentEvents } from '../../src/consent/consent-store.ts';
import { parseChannelConfig } from '../../src/dispatch/channel-config.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import type { PassEvent } from '../../src/runtime/run-loop.ts';
import { createRuntime } from '../../src/runtime/start-runtime.ts';
import { insertRows } from '../support/insert-rows.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { startSolapiGateway } from '../support/solapi-gateway.ts';
import { createManualClock, waitFor } from './manual-clock.ts';
import { broadcast, countRows, kst, POLICY, SMS_FROM, saveBroadcast, seedCustomers } from './runtime-fixture.ts';

// The two-year consent re-confirmation loop inside `dalbit serve`'s runtime, on one real DuckDB
// file: the daily pass plans the notices due, the real dispatcher sends them through a local
// Solapi gateway and a real SMTP server, the next pass records them, and a consent whose notice
// could not go out lapses at its deadline — all on a clock the test moves.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openTempWarehouse(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-reconfirm-'));
  const engine = await openWarehouse({ dataDir: dir });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => engine.close());
  return engine;
}

/** Ad consents: c001 SMS due 11-20, c002 SMS not due until 12-10, c003 email due 11-25, c004 SMS due 11-18 without a phone. */
async function plantAdConsents(engine: Engine): Promise<void> {
  const grant = (id: string, channel: string, day: string) => ({
    consent_id: `ad-${id}-${channel}`,
    customer_id: id,
    origin_customer_id: id,
    channel,
    purpose: 'ad',
    granted: true,
    at: kst(day, '10:00'),
    source: 'cafe24',
  });
  await insertRows(engine, 'consents', [
    grant('c001', 'sms', '2024-11-20'),
    grant('c002', 'sms', '2024-12-10'),
    grant('c003', 'email', '2024-11-25'),
    grant('c004', 'sms', '2024-11-18'),
  ]);
  await engine.query(`UPDATE customers SET phone = NULL WHERE customer_id = 'c004'`);
}

async function startGateways() {
  const smtp = await startSmtpSink();
  cleanups.push(() => smtp.close());
  const solapi = await startSolapiGateway({
    apiKey: 'NCS-RC-KEY',
    apiSecret: 'rc-secret',
    senderNumbers: [SMS_FROM],
    pfIds: [],
    templates: {},
  });
  cleanups.push(() => solapi.close());
  const channels = parseChannelConfig({
    DALBIT_SMTP_HOST: '127.0.0.1',
    DALBIT_SMTP_PORT: String(smtp.port),
    DALBIT_SOLAPI_API_KEY: 'NCS-RC-KEY',
    DALBIT_SOLAPI_API_SECRET: 'rc-secret',
    DALBIT_SOLAPI_BASE_URL: solapi.url,
  });
  if (!channels.ok) throw new Error(JSON.stringify(channels.issues));
  return { smtp, solapi, channels: channels.config };
}

describe('two-year consent re-confirmation in the runtime', () => {
  it('plans due notices once a day at 10:00 KST, sends them through the real adapters, records them, and lapses the one that could not go', async () => {
    const engine = await openTempWarehouse();
    await seedCustomers(engine, 4);
    await plantAdConsents(engine);
    // The registered sender number and email sender come from the brand's campaigns.
    await saveBroadcast(engine, broadcast('ship', 'sms', kst('2026-10-01', '10:00')), kst('2026-10-01'));
    const { smtp, solapi, channels } = await startGateways();
    const clock = createManualClock(kst('2026-11-16', '09:58'));
    const events: PassEvent[] = [];
    const rt = createRuntime({
      engine,
      clock,
      log: () => undefined,
      lang: 'ko',
      policy: POLICY,
      dispatcher: { intervalMs: 1000, channels, workerId: 'rc-test' },
      reconfirmation: { minuteOfDay: 600, checkMs: 60_000, secret: 'rc-secret-links' },
      onPass: (e) => events.push(e),
    });
    rt.start();
    cleanups.push(async () => void (await rt.stop()));
    const passes = () => events.filter((e) => e.loop === 'reconfirmation' && e.line !== undefined);

    clock.advance(60_000); // 09:59: checked, not run
    await waitFor(() => (events.some((e) => e.loop === 'reconfirmation') ? true : undefined));
    expect(await countRows(engine, "SELECT count(*) AS n FROM messages WHERE step_id = 'reconfirmation'")).toBe(0);

    clock.advance(60_000); // 10:00 KST: the pass runs
    await waitFor(() => (passes().length === 1 ? true : undefined));
    expect(passes()[0]?.line).toBe('수신동의 확인 안내: 발송 대기 2 · 연락처 없음 1 · 발송 기록 0 · 동의 만료 0');
    await waitFor(() => {
      clock.advance(1000);
      return solapi.requests.length >= 1 && smtp.mails.length >= 1 ? true : undefined;
    });
    const [sms] = solapi.requests.flatMap((r) => r.body.messages);
    expect(sms?.to).toBe('01020000000');
    expect(sms?.from).toBe(SMS_FROM);
    expect(sms?.type).toBe('LMS');
    expect(sms?.text).toBe(
      '[달빛상회] 광고성 정보 수신동의 안내\n고객님은 2024년 11월 20일에 문자(SMS) 광고성 정보 수신에 동의하셨습니다. 별도 의사 표시가 없으면 동의가 유지됩니다. 수신을 원하지 않으시면 무료수신거부 080-123-4567',
    );
    expect(sms?.text?.startsWith('(광고)')).toBe(false);
    await waitFor(async () =>
      (await countRows(
        engine,
        "SELECT count(*) AS n FROM messages WHERE step_id = 'reconfirmation' AND status = 'accepted'",
      )) === 2
        ? true
        : undefined,
    );
    const mail = smtp.mails[0];
    expect(mail?.envelope.to).toEqual(['c003@example.kr']);
    expect(mail?.parsed.subject).toBe('[달빛상회] 광고성 정보 수신동의 안내');
    expect(mail?.parsed.text).toContain('2024년 11월 25일에 이메일 광고성 정보 수신에 동의하셨습니다');

    // Next day 10:00: the sent notices are recorded once, nothing is planned or sent twice.
    clock.advance(24 * 3600_000);
    await waitFor(() => (passes().length === 2 ? true : undefined));
    expect(passes()[1]?.line).toBe('수신동의 확인 안내: 발송 대기 0 · 연락처 없음 0 · 발송 기록 2 · 동의 만료 0');
    const notices = await engine.query<{ customer_id: string; channel: string }>(
      'SELECT customer_id, channel FROM consent_notices ORDER BY customer_id',
    );
    expect(notices.map((n) => `${n.customer_id}:${n.channel}`)).toEqual(['c001:sms', 'c003:email']);
    expect(solapi.requests.flatMap((r) => r.body.messages)).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);

    // 11-30 10:00 (14 days after c004's notice was planned, past its 11-18 anniversary): its consent lapses.
    clock.advance(13 * 24 * 3600_000);
    await waitFor(() => (passes().length === 3 ? true : undefined));
    expect(passes()[2]?.line).toContain('동의 만료 1');
    const c004 = foldConsents(await readConsentEvents(engine, 'c004')).get('sms:ad');
    expect(c004).toMatchObject({ granted: false, source: 'reconfirmation_lapse', at: kst('2026-11-30', '10:00') });
    // A notice that went out and got no answer keeps the consent (KOREA.md).
    expect(foldConsents(await readConsentEvents(engine, 'c001')).get('sms:ad')?.granted).toBe(true);
    // c002's window opened on 11-26: planned now, once.
    expect(
      await countRows(
        engine,
        "SELECT count(*) AS n FROM messages WHERE step_id = 'reconfirmation' AND customer_id = 'c002'",
      ),
    ).toBe(1);
    expect(events.filter((e) => !e.ok)).toEqual([]);
  }, 60_000);

  it('refuses a channel whose sender is not set, in Korean, and writes nothing for it', async () => {
    const engine = await openTempWarehouse();
    await seedCustomers(engine, 4);
    await plantAdConsents(engine);
    const clock = createManualClock(kst('2026-11-16', '09:59'));
    const events: PassEvent[] = [];
    const rt = createRuntime({
      engine,
      clock,
      log: () => undefined,
      lang: 'ko',
      policy: POLICY,
      reconfirmation: { minuteOfDay: 600, checkMs: 60_000 },
      onPass: (e) => events.push(e),
    });
    rt.start();
    cleanups.push(async () => void (await rt.stop()));
    await waitFor(() => (clock.sleepers() > 0 ? true : undefined));
    clock.advance(60_000);
    await waitFor(() => (events.some((e) => e.loop === 'reconfirmation' && e.line) ? true : undefined));
    expect(events.find((e) => e.loop === 'reconfirmation' && e.line)?.line).toBe(
      '수신동의 확인 안내: 발송 대기 0 · 연락처 없음 0 · 발송 기록 0 · 동의 만료 0 · 문자 안내 2건을 보낼 수 없습니다 (설정 필요: 등록된 문자 발신번호) · 이메일 안내 1건을 보낼 수 없습니다 (설정 필요: 이메일 발신 주소)',
    );
    expect(await countRows(engine, "SELECT count(*) AS n FROM messages WHERE step_id = 'reconfirmation'")).toBe(0);
  }, 30_000);
});
