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
  title: { ko: '생일 임박 회원', en: 'Birthday coming up' },
  purpose: 'engagement',
  type: { ko: '브랜드 인지', en: 'brand awareness' },
  action: { ko: '생일 축하 쿠폰 발송', en: 'send a birthday coupon' },
  goldenTime: { ko: '생일 3~7일 전 오전 10시', en: '3–7 days before, 10:00' },
  description: {
    ko: '카카오·카페24 가입 시 받은 생일(음력 포함)이 N일 안에 오는 회원',
    en: 'Members (Kakao or Cafe24 sign-up) whose birthday, lunar-aware, is within N days',
  },
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
  title: { ko: '신규 가입 회원', en: 'New members' },
  purpose: 'engagement',
  type: { ko: '브랜드 인지', en: 'brand awareness' },
  action: { ko: '웰컴 메시지와 첫 구매 쿠폰', en: 'welcome message with a first-order coupon' },
  goldenTime: { ko: '가입 다음 날 오전', en: 'the morning after sign-up' },
  description: {
    ko: '자사몰·카페24 또는 카카오로 N일 전 가입한 회원',
    en: 'Signed up to the own shop, Cafe24 or through Kakao exactly N days ago',
  },
  params: z.object({ days: days(1), channels: csv('own,cafe24,kakao') }),
  build: (p) => ({ kind: 'channel', channels: p.channels, joined: { kind: 'days_ago', min: p.days, max: p.days } }),
});

export const WARRANTY_NOT_MEMBER = defineRecipe({
  name: 'warranty-not-member',
  title: { ko: '정품 등록 비회원', en: 'Registered a product, not a member' },
  purpose: 'engagement',
  type: { ko: '참여 유도', en: 'participation' },
  action: { ko: '회원 가입 혜택 안내', en: 'invite to join with a member benefit' },
  goldenTime: { ko: '등록 후 N일째 저녁 7시', en: 'N days after registration, 19:00' },
  description: {
    ko: '정품 등록을 N일 전에 했지만 자사몰·카카오 어느 쪽 회원도 아닌 고객',
    en: 'Registered a warranty N days ago but is a member neither of the own shop nor through Kakao',
  },
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
  title: { ko: '신규 채널 친구', en: 'New channel friends' },
  purpose: 'engagement',
  type: { ko: '브랜드 인지', en: 'brand awareness' },
  action: { ko: '친구 추가 감사 쿠폰', en: 'thank-you coupon for adding the channel' },
  goldenTime: { ko: '친구 추가 직후', en: 'right after adding' },
  description: {
    ko: '최근 N일 안에 카카오 채널 친구가 된 고객',
    en: 'Became a Kakao channel friend in the last N days',
  },
  params: z.object({ days: days(7).pipe(z.number().min(1)) }),
  build: (p) => ({
    kind: 'or',
    items: [
      { kind: 'channel', channels: ['kakao'], joined: { kind: 'last_days', days: p.days } },
      { kind: 'events', type: 'channel_added', window: { kind: 'last_days', days: p.days } },
    ],
  }),
});
