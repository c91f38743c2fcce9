import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { carrierBytes, fillTemplate, KOREAN_MOBILE, LIMITS, templateVariables } from './carrier-limits.ts';
import { deliverWithRetry, type LoopbackServer, readBody, sendJson, startLoopbackServer } from './http-server.ts';

/**
 * A local Solapi: verifies the HMAC-SHA256 Authorization header (key, clock skew, salt replay,
 * signature), the `send-many/detail` payload and the carrier limits, answers like Solapi and
 * POSTs delivery reports to `receiptUrl`, retrying until answered 2xx.
 */
export interface SolapiGatewayOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly senderNumbers: readonly string[];
  readonly pfIds: readonly string[];
  /** Approved AlimTalk templates: templateId → text with `#{var}`. */
  readonly templates: Readonly<Record<string, string>>;
  readonly receiptUrl?: string;
  /** Numbers refused through 080 before the send (rejected at acceptance, code 1061). */
  readonly optedOut?: readonly string[];
  /** Final report code per recipient number (default 4000 delivered). */
  readonly outcomes?: Readonly<Record<string, string>>;
  readonly brandChars?: number;
}

const Message = z
  .object({
    to: z.string(),
    from: z.string().optional(),
    text: z.string().optional(),
    subject: z.string().optional(),
    type: z.enum(['SMS', 'LMS', 'ATA', 'BMS_TEXT']),
    autoTypeDetect: z.boolean().optional(),
    kakaoOptions: z
      .object({
        pfId: z.string(),
        templateId: z.string().optional(),
        variables: z.record(z.string(), z.string()).optional(),
        disableSms: z.boolean().optional(),
        adFlag: z.boolean().optional(),
        bms: z.object({ targeting: z.enum(['I', 'M', 'N']), chatBubbleType: z.string() }).optional(),
      })
      .strict()
      .optional(),
    customFields: z.record(z.string(), z.string()).optional(),
  })
  .strict();
const Body = z.object({
  messages: z.array(Message).min(1).max(10_000),
  showMessageList: z.boolean().optional(),
  allowDuplicates: z.boolean().optional(),
  scheduledDate: z.string().optional(),
});
type Msg = z.infer<typeof Message>;

const AUTH = /^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([^,]+), signature=([0-9a-f]{64})$/;

export interface SolapiGateway extends LoopbackServer {
  readonly requests: { authorization: string; body: z.infer<typeof Body> }[];
  readonly reportAttempts: number[];
  /** Answer the next `n` requests with `status` (429 carries Retry-After: 2). */
  failNext(status: number, n?: number): void;
  /** Resolves when every delivery-report POST so far has finished. */
  settle(): Promise<void>;
}

function checkMessage(
  m: Msg,
  o: SolapiGatewayOptions,
  seenKeys: Set<string>,
): { code: string; message: string } | undefined {
  if (!KOREAN_MOBILE.test(m.to)) return { code: '1020', message: `수신번호 형식 오류: ${m.to}` };
  if (m.type !== 'ATA' && m.type !== 'BMS_TEXT' && (!m.from || !o.senderNumbers.includes(m.from)))
    return { code: '1062', message: `발신번호 미등록: ${m.from ?? ''}` };
  if (
    (m.type === 'ATA' || m.type === 'BMS_TEXT') &&
    m.kakaoOptions?.disableSms === false &&
    (!m.from || !o.senderNumbers.includes(m.from))
  )
    return { code: '1062', message: '대체발송 발신번호 미등록' };
  const text = m.text ?? '';
  const isAd = text.startsWith('(광고)') || m.kakaoOptions?.adFlag === true;
  if (isAd && (o.optedOut ?? []).includes(m.to)) return { code: '1061', message: '080 수신거부 번호' };
  if (m.type === 'SMS' || m.type === 'LMS') {
    const { bytes, bad } = carrierBytes(text);
    if (bad.length > 0) return { code: '1031', message: `EUC-KR 인코딩 불가 문자: ${bad.join('')}` };
    const max = m.type === 'SMS' ? LIMITS.sms : LIMITS.lms;
    if (bytes > max) return { code: '1032', message: `${m.type} 길이 초과 ${bytes}/${max} bytes` };
    if (m.subject !== undefined && carrierBytes(m.subject).bytes > LIMITS.title)
      return { code: '1033', message: '제목 길이 초과' };
    if (m.type === 'SMS' && m.subject !== undefined) return { code: '1034', message: 'SMS에는 제목 불가' };
    if (text.startsWith('(광고)') && !/무료(수신)?거부 ?080/.test(text))
      return { code: '1035', message: '광고 문자에 080 수신거부 번호 없음' };
  }
  if (m.type === 'ATA') {
    const k = m.kakaoOptions;
    if (!k || !o.pfIds.includes(k.pfId)) return { code: '3101', message: '등록되지 않은 카카오 채널(pfId)' };
    const template = k.templateId ? o.templates[k.templateId] : undefined;
    if (template === undefined) return { code: '3102', message: `템플릿 없음: ${k.templateId ?? ''}` };
    const vars = k.variables ?? {};
    const expected = templateVariables(template)
      .map((v) => `#{${v}}`)
      .sort();
    const given = Object.keys(vars).sort();
    if (JSON.stringify(expected) !== JSON.stringify(given))
      return { code: '3103', message: `템플릿 변수 불일치: expected ${expected.join(',')} got ${given.join(',')}` };
    const filled = fillTemplate(template, Object.fromEntries(given.map((g) => [g.slice(2, -1), vars[g] ?? ''])));
    if ([...filled].length > LIMITS.alimtalk) return { code: '3104', message: '알림톡 1,000자 초과' };
  }
  if (m.type === 'BMS_TEXT') {
    const k = m.kakaoOptions;
    if (!k || !o.pfIds.includes(k.pfId)) return { code: '3101', message: '등록되지 않은 카카오 채널(pfId)' };
    if (!k.bms) return { code: '3105', message: 'bms 옵션 없음' };
    if ([...text].length > (o.brandChars ?? LIMITS.brand)) return { code: '3106', message: '브랜드 메시지 길이 초과' };
  }
  const key = m.customFields?.idempotencyKey;
  if (key !== undefined && seenKeys.has(key)) return { code: '1090', message: '중복 메시지' };
  return undefined;
}

export async function startSolapiGateway(o: SolapiGatewayOptions): Promise<SolapiGateway> {
  const requests: SolapiGateway['requests'] = [];
  const usedSalts = new Set<string>();
  const seenKeys = new Set<string>();
  const reportAttempts: number[] = [];
  const inflight: Promise<unknown>[] = [];
  let failures: { status: number; n: number } | undefined;

  const server = await startLoopbackServer(async (req, res) => {
    const text = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/messages/v4/send-many/detail')
      return sendJson(res, 404, { errorCode: 'NotFound' });
    if (failures && failures.n > 0) {
      failures.n--;
      return sendJson(
        res,
        failures.status,
        { errorCode: failures.status === 429 ? 'TooManyRequests' : 'InternalError' },
        failures.status === 429 ? { 'retry-after': '2' } : {},
      );
    }
    const auth = AUTH.exec(req.headers.authorization ?? '');
    if (!auth)
      return sendJson(res, 401, { errorCode: 'InvalidAuthorization', errorMessage: 'malformed Authorization' });
    const [, apiKey, date, salt, signature] = auth;
    if (apiKey !== o.apiKey) return sendJson(res, 401, { errorCode: 'InvalidAPIKey', errorMessage: 'unknown apiKey' });
    if (Math.abs(Date.now() - Date.parse(date ?? '')) > 15 * 60_000)
      return sendJson(res, 401, { errorCode: 'RequestTimeTooSkewed', errorMessage: 'date skew' });
    if (usedSalts.has(salt ?? ''))
      return sendJson(res, 401, { errorCode: 'DuplicatedSignature', errorMessage: 'salt reused' });
    const expected = createHmac('sha256', o.apiSecret).update(`${date}${salt}`).digest('hex');
    if (expected !== signature)
      return sendJson(res, 401, { errorCode: 'SignatureDoesNotMatch', errorMessage: 'bad signature' });
    usedSalts.add(salt ?? '');
    const parsed = Body.safeParse(JSON.parse(text));
    if (!parsed.success)
      return sendJson(res, 400, {
        errorCode: 'ValidationError',
        errorMessage: parsed.error.issues.map((i) => i.path.join('.')).join(', '),
      });
    requests.push({ authorization: req.headers.authorization ?? '', body: parsed.data });

    const groupId = `G4V${randomUUID().replaceAll('-', '').slice(0, 20).toUpperCase()}`;
    const failed: object[] = [];
    const accepted: { messageId: string; m: Msg }[] = [];
    for (const m of parsed.data.messages) {
      const err = checkMessage(m, o, seenKeys);
      const base = {
        to: m.to,
        from: m.from ?? '',
        type: m.type,
        country: '82',
        accountId: 'ACC',
        customFields: m.customFields ?? {},
      };
      if (err) failed.push({ ...base, messageId: '', statusCode: err.code, statusMessage: err.message });
      else {
        if (m.customFields?.idempotencyKey) seenKeys.add(m.customFields.idempotencyKey);
        accepted.push({ messageId: `M4V${randomUUID().replaceAll('-', '').slice(0, 20).toUpperCase()}`, m });
      }
    }
    sendJson(res, 200, {
      failedMessageList: failed,
      groupInfo: {
        groupId,
        status: 'SENDING',
        count: {
          total: parsed.data.messages.length,
          registeredFailed: failed.length,
          registeredSuccess: accepted.length,
        },
      },
      messageList: accepted.map((a) => ({
        messageId: a.messageId,
        statusCode: '2000',
        statusMessage: '정상 접수(이통사로 접수 예정)',
        customFields: a.m.customFields ?? {},
      })),
    });
    if (o.receiptUrl && accepted.length > 0) {
      const now = new Date().toISOString();
      const report = (a: { messageId: string; m: Msg }, statusCode: string) => ({
        messageId: a.messageId,
        groupId,
        to: a.m.to,
        from: a.m.from ?? '',
        type: a.m.type,
        statusCode,
        statusMessage: statusCode === '4000' ? '수신완료' : statusCode === '3000' ? '이통사로 접수' : '발송 실패',
        dateReceived: now,
        customFields: a.m.customFields ?? {},
      });
      const url = o.receiptUrl;
      inflight.push(
        (async () => {
          const first = await deliverWithRetry(
            url,
            accepted.map((a) => report(a, '3000')),
          );
          reportAttempts.push(first.attempts);
          const second = await deliverWithRetry(
            url,
            accepted.map((a) => report(a, o.outcomes?.[a.m.to] ?? '4000')),
          );
          reportAttempts.push(second.attempts);
        })(),
      );
    }
  });
  return {
    ...server,
    requests,
    reportAttempts,
    failNext(status, n = 1) {
      failures = { status, n };
    },
    async settle() {
      await Promise.all(inflight);
    },
  };
}
