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
 * exempt). The person's channel is `--channel`; without it, a row signed up with Kakao (a
 * `카카오ID`, or a `가입경로` naming Kakao: 카카오싱크, 카카오 채널) is a member of channel `kakao`
 * — so "Kakao or shop sign-up" audiences and membership count them — and any other row `crm`.
 */
export function createCustomerMapper(ctx: MapContext): RowMapper {
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
      const channel = ctx.channel ?? (kakaoId !== undefined || isKakaoRoute(route) ? 'kakao' : 'crm');
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
      const dated = consentedAt !== undefined ? ('consent_date' as const) : ('signup' as const);
      for (const [field, ch, granted] of flags) {
        if (granted !== undefined)
          ctx.out.consents.push(
            consentFrom(ctx, r, { personRecordId: recordId, field, channel: ch, purpose: 'ad', granted, at, dated }),
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
              dated,
            }),
          );
        }
      }
    },
  };
}

/** A sign-up route that names Kakao (카카오싱크, 카카오 채널, Kakao Sync …). */
export function isKakaoRoute(route: string | undefined): boolean {
  return route !== undefined && /카카오|kakao/i.test(route);
}
