import { compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import type { ConsentChannel, IdentityKey, PersonRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import { consentFrom } from './consent-records.ts';
import type { MapContext, RowMapper } from './map-context.ts';

const AD_FIELDS: readonly (readonly [string, ConsentChannel])[] = [
  ['sms_ad', 'sms'],
  ['email_ad', 'email'],
  ['kakao_ad', 'kakao'],
];

/**
 * A brand's own customer list (sign-up forms, Kakao sync, store tablets) with ad consents per
 * channel and night consent (야간, 21:00–08:00; recorded for SMS and Kakao since e-mail is
 * exempt). The person's channel is `--channel`, default `crm`.
 */
export function createCustomerMapper(ctx: MapContext): RowMapper {
  const channel = ctx.channel ?? 'crm';
  return {
    mapRow(r: RowReader) {
      const name = r.text('name');
      const phone = r.phone('phone');
      const email = r.email('email');
      const kakaoId = r.id('kakao_id');
      const memberId = r.id('member_id');
      const birthday = r.birthday('birthday');
      const lunar = r.lunar('lunar', false);
      const gender = r.gender('gender');
      const route = r.text('signup_route');
      const joinedAt = r.timestamp('joined_at');
      const consentedAt = r.timestamp('consented_at');
      const flags = AD_FIELDS.map(([field, ch]) => [field, ch, r.flag(field)] as const);
      const night = r.flag('night_ad');
      const keys: IdentityKey[] = [...phoneKeys(phone)];
      if (email !== undefined) keys.push({ kind: 'email', value: email, mergeable: true });
      if (kakaoId !== undefined) keys.push({ kind: 'kakao', value: kakaoId, mergeable: true });
      if (memberId !== undefined) keys.push({ kind: 'member', value: `${channel}:${memberId}`, mergeable: true });
      if (keys.length === 0 && !r.failed)
        r.fail(undefined, 'MISSING', 'no phone, e-mail, Kakao id or member id to identify the customer');
      if (r.failed) return;
      const recordId = `${channel}:customer:${kakaoId ?? mobileOf(phone) ?? email ?? memberId ?? keys[0]?.value}`;
      ctx.out.addPerson(
        compact<PersonRecord>({
          recordId,
          channel,
          keys,
          seenAt: joinedAt ?? consentedAt ?? ctx.now,
          name,
          phone: mobileOf(phone),
          email,
          birthdayMd: birthday?.md,
          birthYear: birthday?.year,
          birthdayLunar: birthday === undefined ? undefined : (lunar ?? false),
          gender,
          memberId,
          joinedAt,
          attributes: route === undefined ? undefined : { signupRoute: route },
        }),
      );
      const at = consentedAt ?? joinedAt;
      for (const [field, ch, granted] of flags) {
        if (granted !== undefined)
          ctx.out.consents.push(
            consentFrom(ctx, r, { personRecordId: recordId, field, channel: ch, purpose: 'ad', granted, at }),
          );
      }
      if (night !== undefined) {
        for (const ch of ['sms', 'kakao'] as const) {
          ctx.out.consents.push(
            consentFrom(ctx, r, {
              personRecordId: recordId,
              field: 'night_ad',
              channel: ch,
              purpose: 'night_ad',
              granted: night,
              at,
            }),
          );
        }
      }
    },
  };
}
