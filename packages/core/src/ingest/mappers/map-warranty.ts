import { compact, mobileOf, phoneKeys } from '../batch-builder.ts';
import { normaliseChannel } from '../normalise/channel.ts';
import type { EventRecord, IdentityKey, PersonRecord, WarrantyRecord } from '../records.ts';
import type { RowReader } from '../row-reader.ts';
import type { MapContext, RowMapper } from './map-context.ts';

/**
 * Warranty / genuine-product registrations. The registrant may not be a member: the person is
 * known by phone, e-mail and the registration number (identity kind `warranty`). Each
 * registration also becomes a `warranty_issued` event.
 */
export function createWarrantyMapper(ctx: MapContext): RowMapper {
  const channel = ctx.channel ?? 'warranty';
  return {
    mapRow(r: RowReader) {
      const registrationId = r.id('registration_id', true);
      const registeredAt = r.timestamp('registered_at', true);
      const name = r.text('name');
      const phone = r.phone('phone');
      const email = r.email('email');
      const productId = r.id('product_code');
      const serial = r.id('serial');
      const boughtAt = r.text('bought_at');
      if (r.failed || registrationId === undefined || registeredAt === undefined) return;
      const recordId = `${channel}:registration:${registrationId}`;
      const keys: IdentityKey[] = [{ kind: 'warranty', value: registrationId, mergeable: true }, ...phoneKeys(phone)];
      if (email !== undefined) keys.push({ kind: 'email', value: email, mergeable: true });
      ctx.out.addPerson(
        compact<PersonRecord>({ recordId, channel, keys, seenAt: registeredAt, name, phone: mobileOf(phone), email }),
      );
      const boughtChannel = boughtAt === undefined ? undefined : normaliseChannel(boughtAt);
      ctx.out.warranties.push(
        compact<WarrantyRecord>({
          registrationId,
          personRecordId: recordId,
          productId,
          serial,
          channel: boughtChannel,
          registeredAt,
        }),
      );
      ctx.out.events.push(
        compact<EventRecord>({
          eventId: `warranty:${registrationId}`,
          personRecordId: recordId,
          type: 'warranty_issued',
          occurredAt: registeredAt,
          productId,
          properties: compact<Record<string, unknown>>({ serial, boughtAt }),
        }),
      );
    },
  };
}
