import type { ReceiptEvent } from '@dalbit/core/channels/port';
import { toDomesticDigits, toKoreanE164 } from '@dalbit/core/phone/phone';
import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

type OptOutReceipt = Extract<ReceiptEvent, { kind: 'opt_out' }>;

/**
 * A report's time, never later than now: a report dated 2099 would otherwise outrank every later
 * event (a re-consent, a newer status) for 70 years.
 */
export function clampToNow<T extends { readonly at: Date }>(events: readonly T[], now: Date): T[] {
  return events.map((e) => (e.at.getTime() > now.getTime() ? { ...e, at: now } : e));
}

/** Two ways of writing one recipient (a phone in any format, or any other address compared as is). */
export function sameRecipient(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = toKoreanE164(a);
  const y = toKoreanE164(b);
  return x !== undefined && y !== undefined ? x === y : a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The spellings a phone may be stored under in `messages.recipient`. */
function spellings(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  return [...new Set([phone, digits, toDomesticDigits(phone), toKoreanE164(phone)].filter((v) => !!v) as string[])];
}

/**
 * The opt-outs that refer to a message Dalbit sent: same provider and recipient, and the same
 * provider message id when the report names one. Anything else (a forged or misdirected report)
 * is ignored and counted, never turned into a consent withdrawal.
 */
export async function optOutsForSentMessages(
  engine: Engine,
  optOuts: readonly OptOutReceipt[],
): Promise<{ matched: OptOutReceipt[]; ignored: number }> {
  if (optOuts.length === 0) return { matched: [], ignored: 0 };
  const candidates = [...new Set(optOuts.flatMap((o) => spellings(o.phone)))];
  const sent: { provider: string | null; provider_message_id: string | null; recipient: string | null }[] = [];
  for (const part of chunks(candidates))
    sent.push(
      ...(await engine.query<{ provider: string | null; provider_message_id: string | null; recipient: string | null }>(
        compileBound(
          engine.dialect,
          (b) =>
            `SELECT provider, provider_message_id, recipient FROM messages WHERE provider_message_id IS NOT NULL AND recipient IN ${b.in(part)}`,
        ),
      )),
    );
  const matched = optOuts.filter((o) =>
    sent.some(
      (m) =>
        m.provider === o.provider &&
        sameRecipient(m.recipient, o.phone) &&
        (o.providerMessageId === undefined || m.provider_message_id === o.providerMessageId),
    ),
  );
  return { matched, ignored: optOuts.length - matched.length };
}
