import type { Rng } from '../../math/random/prng.ts';
import { formatKstDate, formatKstDateTime } from '../../time/kst.ts';
import { CATALOG } from '../catalog.ts';
import { pickTypedPhoneStyle, typeEmail, typePhone } from '../contact-format.ts';
import type { DemoContext } from '../demo-context.ts';
import type { DemoCell } from '../demo-files.ts';
import type { DemoPerson, DemoWarranty } from '../demo-model.ts';
import { formatBirthday } from './cafe24-rows.ts';

const yn = (v: boolean | undefined): string => (v === undefined ? '' : v ? 'Y' : 'N');

/** Row of the customer list collected by the Kakao sign-up form (typed by people: mixed formats). */
export function toCustomerListRow(rng: Rng, person: DemoPerson): DemoCell[] | undefined {
  const k = person.kakao;
  if (!k) return undefined;
  const anyConsent = k.sms !== undefined || k.email !== undefined || k.kakao !== undefined || k.night !== undefined;
  return [
    person.name.full,
    typePhone(person.phone, pickTypedPhoneStyle(rng)),
    rng.chance(0.15) ? '' : typeEmail(rng, person.email),
    formatBirthday(person, k.fullBirthday),
    person.birth.lunar ? 'Y' : 'N',
    person.gender === 'F' ? '여' : '남',
    k.route,
    formatKstDateTime(k.at),
    yn(k.sms),
    yn(k.email),
    yn(k.kakao),
    yn(k.night),
    anyConsent ? formatKstDateTime(k.at) : '',
    k.kakaoId,
  ];
}

/** Product registration (정품등록) row; the registrant may not be a member anywhere. */
export function toWarrantyRow(rng: Rng, ctx: DemoContext, person: DemoPerson, w: DemoWarranty, k: number): DemoCell[] {
  const ymd = formatKstDate(w.at).replaceAll('-', '');
  return [
    `W${ymd.slice(2)}-${ctx.ids.unique7(person.index, 0x77617272)}${k}`,
    formatKstDateTime(w.at),
    person.name.full,
    typePhone(person.phone, pickTypedPhoneStyle(rng)),
    rng.chance(0.3) ? '' : typeEmail(rng, person.email),
    w.product.code,
    `DB${ymd.slice(2, 4)}${w.product.category === '향수' ? 'P' : 'S'}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    w.boughtAt,
  ];
}

export function toProductRows(): DemoCell[][] {
  return CATALOG.map((p) => [p.code, p.name, p.category, p.price]);
}
