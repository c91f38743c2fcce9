import { column, TABLES } from '../catalog.ts';
import { and, cmp, col, isTrue, not, or, param } from '../sql/build.ts';
import type { BoolExpr, ValueExpr } from '../sql/node.ts';
import type { TreeContext } from './context.ts';

const f = (ctx: TreeContext, name: string): ValueExpr => col(ctx.base, column(TABLES.features, name));
const yes = (e: ValueExpr): BoolExpr => ({ kind: 'value_true', item: e });

/**
 * Reachable on a channel for a purpose (정보통신망법 §50): a contact to send to, and for ads the
 * latest consent granted (night ads need night consent too; email is exempt from the night rule).
 * Marketplace-only contacts are informational-only: their consent went to the marketplace.
 */
export function reachableTree(
  cond: { readonly channel: 'sms' | 'kakao' | 'email'; readonly purpose: 'ad' | 'night_ad' | 'info' },
  ctx: TreeContext,
): BoolExpr {
  const contact = yes(f(ctx, cond.channel === 'email' ? 'has_email' : 'has_phone'));
  if (cond.purpose === 'info') return contact;
  const parts = [contact, yes(f(ctx, `consent_${cond.channel}_ad`)), not(yes(f(ctx, 'marketplace_only')))];
  if (cond.purpose === 'night_ad' && cond.channel !== 'email')
    parts.push(yes(f(ctx, `consent_${cond.channel}_night_ad`)));
  return and(...parts);
}

/** Solar birthday / sign-up anniversary within [today + from, today + to] (KST days). */
export function anniversaryTree(
  cond: { readonly date: 'birthday' | 'signup'; readonly fromDays?: number | undefined; readonly toDays: number },
  ctx: TreeContext,
): BoolExpr {
  const lo = param(ctx.today + (cond.fromDays ?? 0), 'int');
  const hi = param(ctx.today + cond.toDays, 'int');
  return or(
    ...[1, 2, 3].map((k) => {
      const d = f(ctx, `${cond.date}_day_${k}`);
      return isTrue(and(cmp(d, '>=', lo), cmp(d, '<=', hi)));
    }),
  );
}
