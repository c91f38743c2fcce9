import { compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import type { ConsentRecord, IdentityKey, PersonRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import { consentFrom, datedByExport } from './consent-records.ts';
import type { MapContext, RowMapper } from './map-context.ts';

/**
 * Cafe24 members: `sms` and `news_mail` are the ad consents (T/F), `solar_calendar` is T for a
 * solar birthday, the group is the grade. The customer export usually carries no consent date:
 * a consent column (`SMS 수신동의일`, `뉴스메일 수신동의일`) wins when present; otherwise a granted
 * ad consent is dated by the sign-up date (Cafe24 asks for it on the join form); a refusal, or a
 * grant without either date, is the state the export shows when it was taken: it is dated by the
 * export moment, estimated as the newest date in the file (sign-up, last login, consent dates; never
 * after the import), so a report as of the data's end and one as of today see the same refusals.
 * Only a file without any date falls back to the import time. The proof says which.
 */
export function createCafe24CustomerMapper(ctx: MapContext): RowMapper {
  const channel = ctx.channel ?? 'cafe24';
  const undated: number[] = [];
  let newest: number | undefined;
  const saw = (...dates: (Date | undefined)[]): void => {
    for (const d of dates)
      if (d !== undefined && d.getTime() <= ctx.now.getTime()) newest = Math.max(newest ?? d.getTime(), d.getTime());
  };
  const push = (c: ConsentRecord, dated: boolean): void => {
    if (!dated) undated.push(ctx.out.consents.length);
    ctx.out.consents.push(c);
  };
  return {
    finish() {
      if (newest === undefined) return;
      const at = new Date(newest);
      for (const i of undated) {
        const c = ctx.out.consents[i];
        if (c !== undefined) ctx.out.consents[i] = datedByExport(c, at);
      }
    },
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
      saw(joinedAt, lastLoginAt, smsAt, mailAt);
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
      if (sms !== undefined) {
        const dated = consentDate(sms, smsAt, joinedAt);
        push(
          consentFrom(ctx, r, {
            personRecordId: recordId,
            field: 'sms_ad',
            channel: 'sms',
            purpose: 'ad',
            granted: sms,
            ...dated,
          }),
          dated.at !== undefined,
        );
      }
      if (mail !== undefined) {
        const dated = consentDate(mail, mailAt, joinedAt);
        push(
          consentFrom(ctx, r, {
            personRecordId: recordId,
            field: 'email_ad',
            channel: 'email',
            purpose: 'ad',
            granted: mail,
            ...dated,
          }),
          dated.at !== undefined,
        );
      }
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
