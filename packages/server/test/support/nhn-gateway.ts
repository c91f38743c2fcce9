import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { carrierBytes, fillTemplate, KOREAN_MOBILE, LIMITS, templateVariables } from './carrier-limits.ts';
import { deliverWithRetry, type LoopbackServer, readBody, sendJson, startLoopbackServer } from './http-server.ts';

/**
 * A local NHN Cloud: AlimTalk v2.3 and SMS v3.0 endpoints checking `X-Secret-Key`, app keys,
 * recipient counts (≤ 1,000), approved templates and their `templateParameter`, fallback
 * (`resendParameter`) limits, SMS/LMS byte limits and ad marks on `ad-` endpoints, the idempotency
 * header (10 minutes), then webhooks `MESSAGE_RESULT_UPDATE` and `UNSUBSCRIBE` to `receiptUrl`.
 */
export interface NhnGatewayOptions {
  readonly alimtalkAppKey: string;
  readonly alimtalkSecretKey: string;
  readonly smsAppKey: string;
  readonly smsSecretKey: string;
  readonly senderKeys: readonly string[];
  readonly sendNumbers: readonly string[];
  readonly templates: Readonly<Record<string, string>>;
  readonly receiptUrl?: string;
  readonly webhookSignature: string;
  /** Kakao result per recipient (default 1000 = delivered); others fall back to SMS when asked. */
  readonly kakaoOutcomes?: Readonly<Record<string, string>>;
}

export interface NhnGateway extends LoopbackServer {
  readonly requests: { path: string; headers: Record<string, string | string[] | undefined>; body: unknown }[];
  /** A recipient refuses ads through the 080 service. */
  emitUnsubscribe(phone: string, at: string): Promise<void>;
  failNext(status: number): void;
  settle(): Promise<void>;
}

const header = (resultCode: number, resultMessage: string) => ({
  header: { isSuccessful: resultCode === 0, resultCode, resultMessage },
});

const Resend = z.object({
  isResend: z.boolean(),
  resendType: z.enum(['SMS', 'LMS']).optional(),
  resendTitle: z.string().optional(),
  resendContent: z.string().optional(),
  resendSendNo: z.string().optional(),
});
const AlimtalkBody = z.object({
  senderKey: z.string(),
  templateCode: z.string(),
  requestDate: z.string().optional(),
  recipientList: z.array(
    z.object({
      recipientNo: z.string().max(15),
      templateParameter: z.record(z.string(), z.string()).optional(),
      resendParameter: Resend.optional(),
      recipientGroupingKey: z.string().max(100).optional(),
    }),
  ),
});
const SmsBody = z.object({
  body: z.string(),
  title: z.string().optional(),
  sendNo: z.string(),
  recipientList: z.array(z.object({ recipientNo: z.string(), recipientGroupingKey: z.string().max(100).optional() })),
});

function smsProblem(kind: 'SMS' | 'LMS', text: string, title?: string): string | undefined {
  const { bytes, bad } = carrierBytes(text);
  if (bad.length > 0) return `characters outside EUC-KR: ${bad.join('')}`;
  const max = kind === 'SMS' ? LIMITS.sms : LIMITS.lms;
  if (bytes > max) return `${kind} body ${bytes} bytes > ${max}`;
  if (title !== undefined && carrierBytes(title).bytes > LIMITS.title) return 'title > 40 bytes';
  return undefined;
}

export async function startNhnGateway(o: NhnGatewayOptions): Promise<NhnGateway> {
  const requests: NhnGateway['requests'] = [];
  const idempotency = new Map<string, number>();
  const inflight: Promise<unknown>[] = [];
  let failStatus: number | undefined;

  const hook = (event: string, productName: string, hooks: object[]) => {
    if (!o.receiptUrl) return;
    const body = { hooksId: randomUUID(), webhookConfigId: 'cfg', productName, appKey: o.smsAppKey, event, hooks };
    inflight.push(
      deliverWithRetry(o.receiptUrl, body, { headers: { 'X-Toast-Webhook-Signature': o.webhookSignature } }),
    );
  };

  const alimtalk = (res: ServerResponse, raw: unknown, headers: Record<string, string | string[] | undefined>) => {
    const key = headers['x-nc-api-idempotency-key'];
    if (typeof key === 'string') {
      const seen = idempotency.get(key);
      if (seen !== undefined && Date.now() - seen < 10 * 60_000)
        return sendJson(
          res,
          200,
          header(-1005, "The same 'X-NC-API-IDEMPOTENCY-KEY' was used within the last 10 minute."),
        );
      idempotency.set(key, Date.now());
    }
    const p = AlimtalkBody.safeParse(raw);
    if (!p.success) return sendJson(res, 200, header(-2002, p.error.issues.map((i) => i.path.join('.')).join(', ')));
    const b = p.data;
    if (b.recipientList.length === 0 || b.recipientList.length > 1000)
      return sendJson(res, 200, header(-2005, "The 'recipientList' must be between 1 and 1000."));
    if (!o.senderKeys.includes(b.senderKey)) return sendJson(res, 200, header(-2017, 'Not exist plus friend.'));
    const template = o.templates[b.templateCode];
    if (template === undefined) return sendJson(res, 200, header(-3003, 'Template does not exist.'));
    const requestId = `${Date.now()}${randomUUID().slice(0, 8)}`;
    const expected = templateVariables(template).sort();
    const sendResults = b.recipientList.map((r, i) => {
      const given = Object.keys(r.templateParameter ?? {}).sort();
      let code = 0;
      let message = 'SUCCESS';
      if (!KOREAN_MOBILE.test(r.recipientNo)) [code, message] = [-2005, 'Invalid recipientNo.'];
      else if (JSON.stringify(given) !== JSON.stringify(expected))
        [code, message] = [-3004, 'Please check template parameter.'];
      else if ([...fillTemplate(template, r.templateParameter ?? {})].length > LIMITS.alimtalk)
        [code, message] = [-2000, "The 'content' must be at less than or equal to 1000."];
      else if (r.resendParameter?.isResend) {
        const rp = r.resendParameter;
        if (!rp.resendSendNo || !o.sendNumbers.includes(rp.resendSendNo))
          [code, message] = [-1003, 'Invalid Sms Sendno'];
        else {
          const problem = smsProblem(rp.resendType ?? 'LMS', rp.resendContent ?? '', rp.resendTitle);
          if (problem) [code, message] = [-2000, `resendContent: ${problem}`];
        }
      }
      return {
        recipientSeq: i + 1,
        recipientNo: r.recipientNo,
        resultCode: code,
        resultMessage: message,
        recipientGroupingKey: r.recipientGroupingKey ?? null,
        ok: code === 0,
        r,
      };
    });
    sendJson(res, 200, {
      ...header(0, 'SUCCESS'),
      message: {
        requestId,
        senderGroupingKey: null,
        sendResults: sendResults.map(({ ok: _o, r: _r, ...rest }) => rest),
      },
    });
    const now = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19); // KST without zone, as NHN writes it
    hook(
      'MESSAGE_RESULT_UPDATE',
      'KakaoTalk Bizmessage',
      sendResults
        .filter((s) => s.ok)
        .map((s) => {
          const kakao = o.kakaoOutcomes?.[s.recipientNo] ?? '1000';
          return {
            kakaoMessageType: 'ALIMTALK_NORMAL',
            requestId,
            recipientSeq: s.recipientSeq,
            requestDate: now,
            createDate: now,
            receiveDate: now,
            recipientNo: s.recipientNo,
            resultCode: kakao === '1000' ? '1000' : s.r.resendParameter?.isResend ? '1000' : kakao,
            ...(kakao !== '1000' && s.r.resendParameter?.isResend ? { resendStatus: 'RSC03' } : {}),
            senderGroupingKey: null,
            recipientGroupingKey: s.recipientGroupingKey,
            hookId: randomUUID(),
          };
        }),
    );
  };

  const sms = (res: ServerResponse, raw: unknown, kind: 'SMS' | 'LMS', ad: boolean) => {
    const p = SmsBody.safeParse(raw);
    if (!p.success) return sendJson(res, 200, header(4, p.error.issues.map((i) => i.path.join('.')).join(', ')));
    const b = p.data;
    if (b.recipientList.length === 0 || b.recipientList.length > 1000)
      return sendJson(res, 200, header(-2001, 'RecipientList size'));
    if (!o.sendNumbers.includes(b.sendNo)) return sendJson(res, 200, header(-1003, 'Invalid send number.'));
    const problem = smsProblem(kind, b.body, kind === 'LMS' ? b.title : undefined);
    if (problem) return sendJson(res, 200, header(-2000, problem));
    if (kind === 'SMS' && b.title !== undefined) return sendJson(res, 200, header(4, 'SMS has no title'));
    if (ad && !(b.body.startsWith('(광고)') && /무료(수신)?거부 ?080/.test(b.body)))
      return sendJson(res, 200, header(-2010, 'Ad message needs (광고) and a free 080 opt-out.'));
    if (!ad && b.body.startsWith('(광고)'))
      return sendJson(res, 200, header(-2011, 'Ads must use the ad-sms/ad-mms API.'));
    const requestId = `${Date.now()}${randomUUID().slice(0, 8)}`;
    const sendResultList = b.recipientList.map((r, i) => {
      const ok = KOREAN_MOBILE.test(r.recipientNo);
      return {
        recipientNo: r.recipientNo,
        resultCode: ok ? 0 : -2005,
        resultMessage: ok ? 'SUCCESS' : 'Invalid recipient number',
        recipientSeq: i + 1,
        recipientGroupingKey: r.recipientGroupingKey ?? null,
      };
    });
    sendJson(res, 200, {
      ...header(0, 'SUCCESS'),
      body: { data: { requestId, statusCode: '2', senderGroupingKey: null, sendResultList } },
    });
    const now = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19);
    hook(
      'MESSAGE_RESULT_UPDATE',
      'SMS',
      sendResultList
        .filter((r) => r.resultCode === 0)
        .map((r) => ({
          hookId: randomUUID(),
          senderType: kind === 'SMS' ? 'NORMAL_SMS' : 'NORMAL_MMS',
          requestId,
          recipientSeq: r.recipientSeq,
          requestDate: now,
          receiveDate: now,
          sendNo: b.sendNo,
          recipientNo: r.recipientNo,
          messageStatus: 'COMPLETED',
          recipientGroupingKey: r.recipientGroupingKey,
          resultCode: '1000',
          messageCount: 1,
        })),
    );
  };

  const server = await startLoopbackServer(async (req, res) => {
    const text = await readBody(req);
    const path = req.url ?? '';
    if (failStatus !== undefined) {
      const s = failStatus;
      failStatus = undefined;
      return sendJson(res, s, { error: 'injected' }, s === 429 ? { 'retry-after': '1' } : {});
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return sendJson(res, 200, header(-9997, 'Invalid API parameters.'));
    }
    requests.push({ path, headers: req.headers, body: raw });
    const secret = req.headers['x-secret-key'];
    const at = /^\/alimtalk\/v2\.3\/appkeys\/([^/]+)\/messages$/.exec(path);
    if (at) {
      if (at[1] !== o.alimtalkAppKey) return sendJson(res, 200, header(-1000, 'Invalid appKey.'));
      if (secret !== o.alimtalkSecretKey) return sendJson(res, 401, header(-1001, 'Invalid secretKey.'));
      return alimtalk(res, raw, req.headers);
    }
    const sm = /^\/sms\/v3\.0\/appKeys\/([^/]+)\/sender\/(ad-)?(sms|mms)$/.exec(path);
    if (sm) {
      if (sm[1] !== o.smsAppKey) return sendJson(res, 200, header(-1000, 'Invalid appKey.'));
      if (secret !== o.smsSecretKey) return sendJson(res, 401, header(-1001, 'Invalid secretKey.'));
      return sms(res, raw, sm[3] === 'sms' ? 'SMS' : 'LMS', sm[2] !== undefined);
    }
    return sendJson(res, 404, header(-9998, 'Not exist API.'));
  });
  return {
    ...server,
    requests,
    async emitUnsubscribe(phone, at) {
      hook('UNSUBSCRIBE', 'SMS', [
        {
          hookId: randomUUID(),
          recipientNo: phone,
          unsubscribeNo: '0801234567',
          enterpriseName: '달빛상점',
          createdDateTime: at,
        },
      ]);
      await Promise.all(inflight);
    },
    failNext(status) {
      failStatus = status;
    },
    async settle() {
      await Promise.all(inflight);
    },
  };
}
