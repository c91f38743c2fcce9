import { z } from 'zod';
import { SolapiReport } from '../channels/solapi/parse-solapi-report.ts';

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/**
 * The outer shape of each provider's delivery-report webhook. A body that does not match is a
 * 400 (the sender has a bug); items inside that we do not track are ignored by the adapter.
 */
export const RECEIPT_ENVELOPES: Readonly<Record<string, z.ZodType>> = {
  solapi: oneOrMany(SolapiReport),
  nhn: z.object({ event: z.string().min(1), hooks: z.array(z.record(z.string(), z.unknown())) }),
  webhook: oneOrMany(
    z.object({
      type: z.enum(['message.delivered', 'message.failed']),
      idempotencyKey: z.string().min(1),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
};
