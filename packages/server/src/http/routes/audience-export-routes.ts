import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { can } from '../../auth/permissions.ts';
import { exportAudienceReport } from '../../reports/audience/export-audience-report.ts';
import { exportSegment } from '../../segments/export-segment.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf, clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute, principalOf } from '../define-route.ts';

const Id = z.object({ id: z.string().min(1).max(200) });
const Reason = z.string().trim().min(2).max(500);

/** `attachment` with the audience's own name for the browser, an ASCII fallback for old clients. */
function attachment(fallback: string, name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

const reasonRequired = () =>
  new DalbitError({
    code: 'REASON_REQUIRED',
    kind: 'invalid_input',
    message: translate('ko', 'imports.export.reasonRequired'),
    issues: [{ path: ['body', 'reason'], message: translate('ko', 'imports.export.reasonRequired') }],
  });

/**
 * Downloads of a saved audience beyond the member CSV: the audience report as an XLSX workbook
 * (summary in the reader's language, members masked unless the role may unmask and gives a reason)
 * and the Kakao channel friend-group file (phone numbers, so `pii.unmask` and a reason). Both are
 * written to the access log.
 */
export function audienceExportRoutes(deps: ApiDeps): AnyRoute[] {
  const trustedProxy = (deps.auth ?? DEFAULT_AUTH_OPTIONS).trustedProxy;
  const who = (c: Context) => ({ actor: actorOf(c, trustedProxy), origin: clientIp(c, trustedProxy), now: deps.now() });
  return [
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/report/export',
      tag: 'segments',
      access: 'read',
      summary: 'The audience report as XLSX: a summary sheet and the members (masked unless unmask with a reason)',
      description:
        '`unmask: true` needs the `pii.unmask` permission (owner, privacy officer) and a `reason` of at least 2 characters; the export is written to the access log either way.',
      params: Id,
      body: z
        .object({
          lang: z.enum(['ko', 'en']).default('ko'),
          unmask: z.boolean().default(false),
          reason: z.string().max(500).optional(),
        })
        .strict(),
      responses: {
        200: { description: 'the workbook (attachment)' },
        403: { description: 'unmask without the permission' },
        404: { description: 'no such segment' },
      },
      handle: async ({ params, body, c }) => {
        if (body.unmask && !can(principalOf(c).role, 'pii.unmask'))
          throw new DalbitError({
            code: 'FORBIDDEN',
            kind: 'forbidden',
            message: translate('ko', 'imports.export.unmaskForbidden'),
          });
        const reason = body.reason?.trim() ?? '';
        if (body.unmask && reason.length < 2) throw reasonRequired();
        const w = who(c);
        const r = await exportAudienceReport(deps.engine, {
          segmentId: params.id,
          lang: body.lang,
          unmask: body.unmask,
          reason: reason || null,
          ...w,
        });
        return c.body(r.bytes, 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': attachment(
            'audience-report.xlsx',
            `${r.name}-${translate(body.lang, 'imports.export.reportFile')}.xlsx`,
          ),
          'cache-control': 'no-store',
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/segments/{id}/kakao-friends',
      tag: 'segments',
      access: 'pii.unmask',
      summary:
        'The Kakao channel friend-group file of an audience: one phone number a line (a reason is required and logged)',
      params: Id,
      body: z.object({ reason: Reason }).strict(),
      responses: { 200: { description: 'the phone list (attachment)' }, 404: { description: 'no such segment' } },
      handle: async ({ params, body, c }) => {
        const dir = mkdtempSync(join(tmpdir(), 'dalbit-export-'));
        try {
          const out = join(dir, 'kakao-friends.csv');
          const w = who(c);
          await exportSegment(deps.engine, {
            segmentId: params.id,
            format: 'kakao-friends',
            out,
            reason: body.reason,
            actor: w.actor,
            now: w.now,
            ...(w.origin === null ? {} : { origin: w.origin }),
          });
          return c.body(readFileSync(out), 200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': attachment('kakao-friends.csv', `kakao-friends-${params.id}.csv`),
            'cache-control': 'no-store',
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    }),
  ];
}
