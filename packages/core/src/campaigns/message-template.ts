import { z } from 'zod';
import { translate } from '../i18n/catalog.ts';

const Text = z.string().min(1).max(10_000);
/** SMS text used when a Kakao message falls back (ad marks are added by the guard). */
const SmsFallbackText = z.object({ text: Text, subject: z.string().max(100).optional() });

/**
 * One channel's message as Liquid templates. Variables: `name`, `grade`, `related_products`,
 * `last_viewed_product`, `coupon.code`, `coupon.expires_at`, `coupon.value`, `unsubscribe`.
 */
export const MessageTemplate = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), text: Text, subject: z.string().max(100).optional() }),
  z.object({
    channel: z.literal('kakao_brand'),
    text: Text,
    targeting: z.enum(['I', 'M', 'N']).default('I'),
    smsFallback: SmsFallbackText.optional(),
  }),
  z.object({
    channel: z.literal('kakao_alimtalk'),
    templateCode: z
      .string()
      .max(100)
      .refine((s) => s.trim() !== '', {
        message: translate('ko', 'studio.check.templateCode'),
        params: { reason: 'TEMPLATE_CODE_MISSING' },
      }),
    /**
     * The approved template's text as registered with Kakao (`#{name}` variables), when known: its
     * variables must be the ones given, and the filled text must fit 1,000 characters (checked at
     * save for what every customer gets, and again per customer when the message is built).
     */
    templateBody: z.string().min(1).max(1000).optional(),
    /** Values of the approved template's `#{name}` variables, each a Liquid template. */
    variables: z.record(z.string().min(1), z.string()),
    smsFallback: SmsFallbackText.optional(),
  }),
  z.object({
    channel: z.literal('email'),
    subject: z.string().min(1).max(500),
    text: Text,
    html: z.string().max(200_000).optional(),
  }),
  z.object({ channel: z.literal('push'), title: z.string().min(1).max(200), body: Text }),
  z.object({
    channel: z.literal('onsite'),
    title: z.string().min(1).max(200),
    body: Text,
    url: z.string().max(2000).optional(),
  }),
  z.object({
    channel: z.literal('webhook'),
    event: z.string().min(1).max(100),
    payload: z.record(z.string(), z.string()).default({}),
  }),
]);
export type MessageTemplate = z.infer<typeof MessageTemplate>;
