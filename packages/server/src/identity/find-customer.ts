import { normaliseEmail } from '@dalbit/core/ingest/normalise/email';
import { normalisePhone } from '@dalbit/core/ingest/normalise/phone';
import { type Engine, sql } from '../engines/engine.ts';
import { readCanonicalMap } from './read-index.ts';

export type CustomerLookup =
  | { readonly found: true; readonly customerId: string; readonly via: string; readonly mergedFrom?: string }
  | { readonly found: false; readonly reason: string };

/**
 * Finds a customer by id (`c_…`, following merges), phone in any common format, email (any case),
 * or a member key (`cafe24:hong123`).
 */
export async function findCustomer(engine: Engine, input: string): Promise<CustomerLookup> {
  const q = input.trim();
  const d = engine.dialect;
  const byKey = async (kind: string, value: string): Promise<string | undefined> => {
    const [row] = await engine.query<{ customer_id: string }>(
      sql(
        `SELECT customer_id FROM identities WHERE kind = ${d.placeholder(1, 'string')} AND value = ${d.placeholder(2, 'string')}`,
        [kind, value],
        ['string', 'string'],
      ),
    );
    return row?.customer_id;
  };
  if (/^c_[0-9a-z]+$/.test(q)) {
    const canonical = (await readCanonicalMap(engine))(q);
    const [row] = await engine.query<{ customer_id: string }>(
      sql(
        `SELECT customer_id FROM customers WHERE customer_id = ${d.placeholder(1, 'string')}`,
        [canonical],
        ['string'],
      ),
    );
    if (!row) return { found: false, reason: `no customer ${q}` };
    return canonical === q
      ? { found: true, customerId: q, via: 'id' }
      : { found: true, customerId: canonical, via: 'id', mergedFrom: q };
  }
  if (q.includes('@')) {
    const e = normaliseEmail(q);
    if (!e?.ok) return { found: false, reason: `not an email address: ${q}` };
    const id = await byKey('email', e.value);
    return id
      ? { found: true, customerId: id, via: `email:${e.value}` }
      : { found: false, reason: `no customer with email ${e.value}` };
  }
  const member = await byKey('member', q);
  if (member) return { found: true, customerId: member, via: `member:${q}` };
  const p = normalisePhone(q);
  if (!p || !('e164' in p))
    return { found: false, reason: `not a customer id, email, member id or phone number: ${q}` };
  const id = await byKey('phone', p.e164);
  return id
    ? { found: true, customerId: id, via: `phone:${p.e164}` }
    : { found: false, reason: `no customer with phone ${p.e164}` };
}
