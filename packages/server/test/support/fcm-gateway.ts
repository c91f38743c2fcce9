import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type LoopbackServer, readBody, sendJson, startLoopbackServer } from './http-server.ts';

/** A local FCM HTTP v1 endpoint: bearer token, project path, message shape, known device tokens. */
export async function startFcmGateway(o: {
  projectId: string;
  accessToken: string;
  deviceTokens: readonly string[];
}): Promise<LoopbackServer & { readonly received: unknown[]; failNext(status: number): void }> {
  const received: unknown[] = [];
  let fail: number | undefined;
  const Message = z
    .object({
      message: z
        .object({
          token: z.string().min(1),
          notification: z.object({ title: z.string(), body: z.string() }).strict(),
          data: z.record(z.string(), z.string()).optional(),
        })
        .strict(),
    })
    .strict();
  const error = (code: number, status: string, message: string, errorCode?: string) => ({
    error: {
      code,
      status,
      message,
      ...(errorCode
        ? { details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode }] }
        : {}),
    },
  });
  const server = await startLoopbackServer(async (req, res) => {
    const text = await readBody(req);
    if (fail !== undefined) {
      const s = fail;
      fail = undefined;
      return sendJson(
        res,
        s,
        error(
          s,
          s === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE',
          'injected',
          s === 429 ? 'QUOTA_EXCEEDED' : 'UNAVAILABLE',
        ),
        s === 429 ? { 'retry-after': '30' } : {},
      );
    }
    if (req.url !== `/v1/projects/${o.projectId}/messages:send`)
      return sendJson(res, 404, error(404, 'NOT_FOUND', 'unknown project'));
    if (req.headers.authorization !== `Bearer ${o.accessToken}`)
      return sendJson(res, 401, error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'));
    const parsed = Message.safeParse(JSON.parse(text));
    if (!parsed.success)
      return sendJson(res, 400, error(400, 'INVALID_ARGUMENT', parsed.error.message, 'INVALID_ARGUMENT'));
    if (!o.deviceTokens.includes(parsed.data.message.token))
      return sendJson(res, 404, error(404, 'NOT_FOUND', 'Requested entity was not found.', 'UNREGISTERED'));
    received.push(parsed.data);
    sendJson(res, 200, { name: `projects/${o.projectId}/messages/${randomUUID()}` });
  });
  return { ...server, received, failNext: (s) => (fail = s) };
}
