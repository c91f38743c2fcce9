import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { SendError } from '@dalbit/core/channels/send-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solapiReportToEvents } from '../../src/channels/solapi/parse-solapi-report.ts';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { isDuplicateError, routeFor } from '../../src/dispatch/adapter-registry.ts';
import { startReceiptCollector } from '../support/receipt-collector.ts';
import { startSolapiGateway } from '../support/solapi-gateway.ts';

// Codes and meanings from Solapi's status table ("메시지 상태 코드", solapi/documents
// api-reference/message-status-codes.md): 2000 accepted, 3000 handed to the carrier, 4000
// received; 1xxx / 2xxx / 3xxx other than 2000 / 3000 are errors at acceptance, inside the
// platform, or at the carrier.
const NOW = new Date('2026-05-01T01:00:00Z');
const report = (statusCode: string) => ({
  messageId: 'M4V1',
  to: '01012345678',
  statusCode,
  customFields: { idempotencyKey: 'k1' },
});
const kinds = (code: string) => solapiReportToEvents(report(code), NOW).map((e) => e.kind);

describe('Solapi delivery-report codes', () => {
  it('maps 2000 / 3000 / 4000 to accepted (no event) / at carrier / delivered', () => {
    expect(kinds('2000')).toEqual([]);
    expect(kinds('3000')).toEqual(['at_carrier']);
    expect(kinds('4000')).toEqual(['delivered']);
  });

  it('treats carrier and platform error codes as failures, not as "at carrier"', () => {
    for (const code of [
      '3010',
      '3040',
      '3043',
      '3047',
      '3054',
      '3059',
      '3104',
      '3107',
      '3108',
      '2011',
      '2230',
      '2254',
      '1062',
    ])
      expect(kinds(code), code).toEqual(['failed']);
    expect(solapiReportToEvents(report('3043'), NOW)[0]).toMatchObject({ providerCode: '3043', idempotencyKey: 'k1' });
  });

  it('keeps 080 refusals (1061 / 2061) as a failure plus an opt-out', () => {
    expect(kinds('2061')).toEqual(['failed', 'opt_out']);
    expect(kinds('1061')).toEqual(['failed', 'opt_out']);
  });
});

describe('Solapi adapter against the local gateway: carrier failures and duplicates', () => {
  const creds = { apiKey: 'KEY', apiSecret: 'SECRET' };
  let collector: Awaited<ReturnType<typeof startReceiptCollector>>;
  let gateway: Awaited<ReturnType<typeof startSolapiGateway>>;
  let adapters: ReturnType<typeof createSolapiAdapters>;
  const sms = (to: string): OutboundMessage<'sms'> => ({
    channel: 'sms',
    purpose: 'info',
    kind: 'SMS',
    to,
    from: '0212345678',
    text: '주문하신 상품이 출발했습니다',
  });

  beforeAll(async () => {
    collector = await startReceiptCollector();
    gateway = await startSolapiGateway({
      ...creds,
      senderNumbers: ['0212345678'],
      pfIds: [],
      templates: {},
      receiptUrl: `${collector.url}/receipts/solapi`,
      outcomes: { '01055550000': '3043' },
    });
    adapters = createSolapiAdapters({ ...creds, baseUrl: gateway.url });
  });
  afterAll(async () => {
    await gateway.close();
    await collector.close();
  });

  it('a phone switched off (3043) ends as failed after the 3000 report', async () => {
    await adapters.sms.send(sms('01055550000'), { idempotencyKey: 'off-1' });
    await gateway.settle();
    const events = collector.posts.flatMap((p) => adapters.sms.parseReceipts(p.body));
    expect(events.map((e) => `${e.kind}:${e.providerCode}`)).toEqual(['at_carrier:3000', 'failed:3043']);
  });

  it('a repeated idempotency key (1090) is SendError DUPLICATE, which the dispatcher counts as accepted', async () => {
    await adapters.sms.send(sms('01012345678'), { idempotencyKey: 'dup-1' });
    let error: unknown;
    try {
      await adapters.sms.send(sms('01012345678'), { idempotencyKey: 'dup-1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SendError);
    expect(error).toMatchObject({ code: 'DUPLICATE', providerCode: '1090', retryable: false });
    const route = routeFor(adapters.sms);
    expect(route.duplicateProviderCodes ?? []).toEqual([]);
    expect(isDuplicateError(route, error as SendError)).toBe(true);
  });
});
