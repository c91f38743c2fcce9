import { compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import type { IdentityKey, PersonRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import { consentFrom } from './consent-records.ts';
import type { MapContext, RowMapper } from './map-context.ts';

/**
 * Cafe24 members: `sms` and `news_mail` are the ad consents (T/F), `solar_calendar` is T for a
 * solar birthday, the group is the grade. The customer export usually carries no consent date:
 * a consent column (`SMS 수신동의일`, `뉴스메일 수신동의일`) wins when present; otherwise a granted
 * ad consent is dated by the sign-up date (Cafe24 asks for it on the join form); a refusal, or a
 * grant without either date, is dated by the import time (the state the export shows now). The
 * proof says which.
 */
export function createCafe24CustomerMapper(ctx: MapContext): RowMapper {
  const channel = ctx.channel ?? 'cafe24';
  return {
    mapRow(r: RowReader) {
      const memberId = r.id('member_id', true);
      const name = r.text('name');
      const phone = r.phone('phone');
      const email = r.email('email');
      const sms = r.flag('sms_ad');
      const mail = r.flag('email_ad');
      const birthday = r.birthday('birthday');
      const lunar = r.lunar('solar_calendar', true);
      const gender = r.gender('gender');
      const grade = r.text('grade');
      const joinedAt = r.timestamp('joined_at');
      const lastLoginAt = r.timestamp('last_login_at');
      const smsAt = r.timestamp('sms_consented_at');
      const mailAt = r.timestamp('email_consented_at');
      if (r.failed || memberId === undefined) return;
      const recordId = `${channel}:member:${memberId}`;
      const keys: IdentityKey[] = [
        { kind: 'member', value: `${channel}:${memberId}`, mergeable: true },
        ...phoneKeys(phone),
      ];
      if (email !== undefined) keys.push({ kind: 'email', value: email, mergeable: true });
      ctx.out.addPerson(
        compact<PersonRecord>({
          recordId,
          channel,
          keys,
          seenAt: joinedAt ?? ctx.now,
          name,
          phone: mobileOf(phone),
          email,
          birthdayMd: birthday?.md,
          birthYear: birthday?.year,
          birthdayLunar: birthday === undefined ? undefined : (lunar ?? false),
          gender,
          grade,
          memberId,
          joinedAt,
          lastLoginAt,
        }),
      );
      if (sms !== undefined)
        ctx.out.consents.push(
          consentFrom(ctx, r, {
            personRecordId: recordId,
            field: 'sms_ad',
            channel: 'sms',
            purpose: 'ad',
            granted: sms,
            ...consentDate(sms, smsAt, joinedAt),
          }),
        );
      if (mail !== undefined)
        ctx.out.consents.push(
          consentFrom(ctx, r, {
            personRecordId: recordId,
            field: 'email_ad',
            channel: 'email',
            purpose: 'ad',
            granted: mail,
            ...consentDate(mail, mailAt, joinedAt),
          }),
        );
    },
  };
}

/** The date of a consent in a Cafe24 export (see the mapper's doc). */
function consentDate(
  granted: boolean,
  column: Date | undefined,
  joinedAt: Date | undefined,
): { at: Date | undefined; dated?: 'consent_date' | 'signup' } {
  if (column !== undefined) return { at: column, dated: 'consent_date' };
  if (granted && joinedAt !== undefined) return { at: joinedAt, dated: 'signup' };
  return { at: undefined };
}
