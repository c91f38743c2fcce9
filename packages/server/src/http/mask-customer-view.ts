import type { Row } from '../engines/engine.ts';
import type { CustomerView } from '../identity/read-customer.ts';
import { maskEmail, maskIdentity, maskKey, maskName, maskPhone } from './mask.ts';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The profile as every role may see it: names, contacts, birthdays and member keys masked; free-form attributes withheld. */
export function maskCustomerView(v: CustomerView): CustomerView {
  const p = v.profile;
  const profile: Row = {
    ...p,
    name: maskName(str(p.name)),
    phone: maskPhone(str(p.phone)),
    email: maskEmail(str(p.email)),
    birthday_md: p.birthday_md === null || p.birthday_md === undefined ? null : '**-**',
    birth_year: null,
    attributes: null,
  };
  return {
    ...v,
    profile,
    identities: v.identities.map((i) => ({ ...i, value: maskIdentity(String(i.kind), String(i.value)) })),
    channels: v.channels.map((ch) => ({ ...ch, member_id: maskKey(str(ch.member_id)) })),
    merges: v.merges.map((m) => ({ ...m, reason_value: maskIdentity(String(m.reason_kind), String(m.reason_value)) })),
  };
}
