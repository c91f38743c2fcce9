import type { Lang } from '@dalbit/core/i18n/lang';
import { formatKstMinute } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import type { Row } from '../../engines/engine.ts';
import { findCustomer } from '../../identity/find-customer.ts';
import { type CustomerView, listMerges, readCustomerView } from '../../identity/read-customer.ts';
import { unmerge } from '../../identity/unmerge.ts';
import { type CliContext, CliError } from '../context.ts';

const L = {
  profile: { ko: '프로필', en: 'Profile' },
  identities: { ko: '식별키', en: 'Identities' },
  channels: { ko: '채널', en: 'Channels' },
  orders: { ko: '주문', en: 'Orders' },
  lastOrders: { ko: '최근 주문', en: 'Last orders' },
  consents: { ko: '수신동의 (채널·목적별 최신)', en: 'Consents (latest per channel and purpose)' },
  merges: { ko: '병합 이력', en: 'Merges' },
  none: { ko: '(없음)', en: '(none)' },
  mergedFrom: { ko: '병합됨', en: 'merged' },
  summary: {
    ko: '전체 {orders}건, 결제 {paid}건, 매출 {revenue}, 첫 주문 {first}, 최근 주문 {last}',
    en: '{orders} orders, {paid} paid, revenue {revenue}, first {first}, last {last}',
  },
  undone: { ko: '취소됨', en: 'undone' },
  unmerged: {
    ko: '병합 취소: {loser} ← {winner} 분리 ({merge}). 되돌린 행: {rows}',
    en: 'unmerged {loser} from {winner} ({merge}); rows restored: {rows}',
  },
  noMerges: { ko: '병합 이력이 없습니다', en: 'no merges' },
} as const satisfies Record<string, Record<Lang, string>>;

const fill = (t: string, v: Record<string, unknown>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? '-'));

/** KST wall time, the way Korean operators read it. */
export function formatKst(v: unknown): string {
  if (!(v instanceof Date)) return v === null || v === undefined ? '-' : String(v);
  return formatKstMinute(v);
}
export const formatWon = (n: unknown, lang: Lang): string =>
  `${Number(n ?? 0).toLocaleString('ko-KR')}${lang === 'ko' ? '원' : ' KRW'}`;

const table = (rows: readonly Row[], lang: Lang): string[] =>
  rows.length === 0 ? [`  ${L.none[lang]}`] : rows.map((r) => `  ${Object.values(r).map(formatKst).join('  ')}`);

function printView(ctx: CliContext, v: CustomerView, lang: Lang, mergedFrom: string | undefined): void {
  const p = v.profile;
  ctx.out(`${L.profile[lang]}: ${String(p.customer_id)}${mergedFrom ? ` (${mergedFrom} ${L.mergedFrom[lang]})` : ''}`);
  for (const k of [
    'name',
    'phone',
    'email',
    'birthday_md',
    'birthday_lunar',
    'gender',
    'grade',
    'created_at',
    'updated_at',
    'attributes',
  ])
    if (p[k] !== null && p[k] !== undefined) ctx.out(`  ${k}: ${formatKst(p[k])}`);
  ctx.out(`${L.identities[lang]}:`);
  for (const line of table(v.identities, lang)) ctx.out(line);
  ctx.out(`${L.channels[lang]}:`);
  for (const line of table(v.channels, lang)) ctx.out(line);
  const s = v.orders.summary;
  ctx.out(
    `${L.orders[lang]}: ${fill(L.summary[lang], { orders: s.orders, paid: s.paid_orders ?? 0, revenue: formatWon(s.revenue, lang), first: formatKst(s.first_order_at), last: formatKst(s.last_order_at) })}`,
  );
  for (const r of v.orders.byChannel)
    ctx.out(`  ${String(r.channel)}: ${String(r.orders)} / ${formatWon(r.revenue, lang)}`);
  ctx.out(`${L.lastOrders[lang]}:`);
  for (const line of table(v.orders.last, lang)) ctx.out(line);
  ctx.out(`${L.consents[lang]}:`);
  for (const line of table(v.consents, lang)) ctx.out(line);
  ctx.out(`${L.merges[lang]}:`);
  for (const line of table(v.merges, lang)) ctx.out(line);
}

const toJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x), 2);

export function registerCustomers(program: Command, ctx: CliContext): void {
  const customers = program.command('customers').description(ctx.t('cli.group.customers'));
  customers
    .command('show <query>')
    .description(
      'profile, identities, channels, orders, consents and merges of a customer (id, phone in any format, email, or member key)',
    )
    .option('--json', 'machine-readable output')
    .option('--orders <n>', 'how many recent orders to list', '5')
    .action(async (query: string, opts: { json?: boolean; orders: string }, cmd: Command) => {
      const lang = ctx.config(cmd).lang;
      const engine = await ctx.warehouse(cmd);
      const found = await findCustomer(engine, query);
      if (!found.found)
        throw new CliError(
          'NOT_FOUND',
          `${lang === 'ko' ? '고객을 찾을 수 없습니다' : 'customer not found'}: ${found.reason}`,
        );
      const view = await readCustomerView(engine, found.customerId, {
        lastOrders: Number.parseInt(opts.orders, 10) || 5,
      });
      if (!view) throw new CliError('INTERNAL', `customer ${found.customerId} has no profile row`);
      if (opts.json)
        ctx.out(toJson({ via: found.via, ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}), ...view }));
      else printView(ctx, view, lang, found.mergedFrom);
    });
  customers
    .command('merges')
    .description('list merges, newest first')
    .option('--json', 'machine-readable output')
    .option('--limit <n>', 'at most this many', '1000')
    .action(async (opts: { json?: boolean; limit: string }, cmd: Command) => {
      const lang = ctx.config(cmd).lang;
      const rows = await listMerges(await ctx.warehouse(cmd), { limit: Number.parseInt(opts.limit, 10) || 1000 });
      if (opts.json) return ctx.out(toJson(rows));
      if (rows.length === 0) return ctx.out(L.noMerges[lang]);
      for (const r of rows)
        ctx.out(
          `${String(r.merge_id)}  ${String(r.loser_id)} → ${String(r.winner_id)}  ${String(r.reason_kind)}:${String(r.reason_value)}  ${formatKst(r.merged_at)}${r.undone_at ? `  (${L.undone[lang]} ${formatKst(r.undone_at)})` : ''}`,
        );
    });
  customers
    .command('unmerge <mergeIdOrCustomerId>')
    .description('undo a merge (by merge id, or the id of the customer that was merged away); it will not be re-merged')
    .option('--json', 'machine-readable output')
    .action(async (target: string, opts: { json?: boolean }, cmd: Command) => {
      const lang = ctx.config(cmd).lang;
      const engine = await ctx.warehouse(cmd);
      {
        const res = await unmerge(engine, target.startsWith('m_') ? { mergeId: target } : { customerId: target }, {
          now: new Date(),
        });
        const rows =
          Object.entries(res.restored)
            .filter(([, n]) => n > 0)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ') || '0';
        ctx.out(
          opts.json
            ? toJson(res)
            : fill(L.unmerged[lang], { loser: res.loserId, winner: res.winnerId, merge: res.mergeId, rows }),
        );
      }
    });
}
