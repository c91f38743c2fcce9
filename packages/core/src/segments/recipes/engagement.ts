import { z } from 'zod';
import { defineRecipe } from './recipe.ts';

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1)).min(1));
const days = (fallback: number) => z.coerce.number().int().min(0).max(3650).default(fallback);

export const BIRTHDAY_SOON = defineRecipe({
  name: 'birthday-soon',
  purpose: 'engagement',
  params: z.object({ days: days(7), channels: csv('kakao,cafe24') }),
  build: (p) => ({
    kind: 'and',
    items: [
      { kind: 'anniversary', date: 'birthday', toDays: p.days },
      { kind: 'channel', channels: p.channels },
    ],
  }),
});

export const NEW_MEMBER = defineRecipe({
  name: 'new-member',
  purpose: 'engagement',
  params: z.object({ days: days(1), channels: csv('own,cafe24,kakao') }),
  build: (p) => ({ kind: 'channel', channels: p.channels, joined: { kind: 'days_ago', min: p.days, max: p.days } }),
});

export const WARRANTY_NOT_MEMBER = defineRecipe({
  name: 'warranty-not-member',
  purpose: 'engagement',
  params: z.object({ days: days(7), channels: csv('own,cafe24,kakao') }),
  build: (p) => ({
    kind: 'and',
    items: [
      { kind: 'warranty', window: { kind: 'days_ago', min: p.days, max: p.days } },
      { kind: 'not', item: { kind: 'channel', channels: p.channels } },
    ],
  }),
});

export const NEW_CHANNEL_FRIEND = defineRecipe({
  name: 'new-channel-friend',
  purpose: 'engagement',
  params: z.object({ days: days(7).pipe(z.number().min(1)) }),
  build: (p) => ({
    kind: 'or',
    items: [
      { kind: 'channel', channels: ['kakao'], joined: { kind: 'last_days', days: p.days } },
      { kind: 'events', type: 'channel_added', window: { kind: 'last_days', days: p.days } },
    ],
  }),
});
