import type { MessageKey } from '@dalbit/core/i18n/catalog';
import { formatKstMinute } from '@dalbit/core/time/kst';
import type { Command } from 'commander';
import type { Row } from '../../engines/engine.ts';
import { findCustomer } from '../../identity/find-customer.ts';
import { type CustomerView, listMerges, readCustomerView } from '../../identity/read-customer.ts';
import { unmerge } from '../../identity/unmerge.ts';
import { type CliContext, CliError } from '../context.ts';

/** KST wall time, the way Korean operators read it. */
export function formatKst(v: unknown): string {
  if (!(v instanceof Date)) return v === null || v === undefined ? '-' : String(v);
  return formatKstMinute(v);
}
export const formatWon = (n: unknown, t: CliContext['t']): string =>
  t('cli.won', { amount: Number(n ?? 0).toLocaleString('ko-KR') });

function printView(ctx: CliContext, v: CustomerView, mergedFrom: string | undefined): void {
  const t = ctx.t;
  const p = v.profile;
  const section = (title: MessageKey, rows: readonly Row[]): void => {
    ctx.out(`${t(title)}:`);
    if (rows.length === 0) ctx.out(`  ${t('cli.customers.none')}`);
    for (const r of rows) ctx.out(`  ${Object.values(r).map(formatKst).join('  ')}`);
  };
  ctx.out(
    `${t('cli.customers.profile')}: ${String(p.customer_id)}${mergedFrom ? ` (${t('cli.customers.mergedFrom', { id: mergedFrom })})` : ''}`,
  );
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
  section('cli.customers.identities', v.identities);
  section('cli.customers.channels', v.channels);
  const s = v.orders.summary;
  const summary = {
    orders: String(s.orders ?? '-'),
    paid: String(s.paid_orders ?? 0),
    revenue: formatWon(s.revenue, t),
    first: formatKst(s.first_order_at),
    last: formatKst(s.last_order_at),
  };
  ctx.out(`${t('cli.customers.orders')}: ${t('cli.customers.summary', summary)}`);
  for (const r of v.orders.byChannel)
    ctx.out(`  ${String(r.channel)}: ${String(r.orders)} / ${formatWon(r.revenue, t)}`);
  section('cli.customers.lastOrders', v.orders.last);
  section('cli.customers.consents', v.consents);
  section('cli.customers.mergeHistory', v.merges);
}

const toJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x), 2);

export function registerCustomers(program: Command, ctx: CliContext): void {
  const customers = program.command('customers').description(ctx.t('cli.group.customers'));
  customers
    .command('show <query>')
    .description(ctx.t('cli.customers.show'))
    .option('--json', ctx.t('cli.option.json'))
    .option('--orders <n>', ctx.t('cli.customers.opt.orders'), '5')
    .action(async (query: string, opts: { json?: boolean; orders: string }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const found = await findCustomer(engine, query);
      if (!found.found) throw new CliError('NOT_FOUND', ctx.t('cli.customers.notFound', { reason: found.reason }));
      const view = await readCustomerView(engine, found.customerId, {
        lastOrders: Number.parseInt(opts.orders, 10) || 5,
      });
      if (!view) throw new CliError('INTERNAL', ctx.t('cli.customers.noProfile', { id: found.customerId }));
      if (opts.json)
        ctx.out(toJson({ via: found.via, ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}), ...view }));
      else printView(ctx, view, found.mergedFrom);
    });
  customers
    .command('merges')
    .description(ctx.t('cli.customers.merges'))
    .option('--json', ctx.t('cli.option.json'))
    .option('--limit <n>', ctx.t('cli.customers.opt.limit'), '1000')
    .action(async (opts: { json?: boolean; limit: string }, cmd: Command) => {
      const rows = await listMerges(await ctx.warehouse(cmd), { limit: Number.parseInt(opts.limit, 10) || 1000 });
      if (opts.json) return ctx.out(toJson(rows));
      if (rows.length === 0) return ctx.out(ctx.t('cli.customers.noMerges'));
      for (const r of rows)
        ctx.out(
          `${String(r.merge_id)}  ${String(r.loser_id)} → ${String(r.winner_id)}  ${String(r.reason_kind)}:${String(r.reason_value)}  ${formatKst(r.merged_at)}${r.undone_at ? `  (${ctx.t('cli.customers.undone')} ${formatKst(r.undone_at)})` : ''}`,
        );
    });
  customers
    .command('unmerge <mergeIdOrCustomerId>')
    .description(ctx.t('cli.customers.unmerge'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (target: string, opts: { json?: boolean }, cmd: Command) => {
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
            : ctx.t('cli.customers.unmerged', { loser: res.loserId, winner: res.winnerId, merge: res.mergeId, rows }),
        );
      }
    });
}
