// Market-basket mining speed. Groceries (R arules, Hahsler et al. 2006) at supp 0.001 / conf 0.5
// must give 5,668 rules; R arules' C apriori is timed beside it when R and arules are installed
// (otherwise the peer is reported as not measured). A second run mines the UCI
// Online Retail baskets (test-data/online_retail/baskets_stockcodes.csv: one invoice per line,
// StockCodes comma separated, duplicates within a basket counted once, nothing else removed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mineRules } from '../packages/core/src/analytics/basket/mine-rules.ts';
import {
  buildTransactions,
  buildTransactionsFromBaskets,
  type Transactions,
} from '../packages/core/src/analytics/basket/transactions.ts';
import { translator } from '../packages/core/src/i18n/catalog.ts';
import { readTransactionsFile } from '../packages/server/src/analytics/basket/read-transactions-file.ts';
import { measureInR } from './r-peer.ts';

const DATA = new URL('../test-data/', import.meta.url);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time(tx: Transactions, opts: { support: number; confidence: number }, warmup: number, runs: number) {
  let rules = 0;
  for (let i = 0; i < warmup; i++) mineRules(tx, opts);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rules = mineRules(tx, opts).rules.length;
    ms.push(performance.now() - t0);
  }
  return { rules, medianMs: Number(median(ms).toFixed(2)), minMs: Number(Math.min(...ms).toFixed(2)), runs };
}

export async function run(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const file = await readTransactionsFile(
    fileURLToPath(new URL('groceries/transactions.csv', DATA)),
    'order',
    translator('en'),
  );
  const groceries = buildTransactions(file.rows);
  const loadMs = performance.now() - t0;
  const g = time(groceries, { support: 0.001, confidence: 0.5 }, 10, 21);

  const lines = readFileSync(new URL('online_retail/baskets_stockcodes.csv', DATA), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const retail = buildTransactionsFromBaskets(lines.map((l) => l.split(',')));
  const retailOpts = { support: 0.01, confidence: 0.5 };
  const r = time(retail, retailOpts, 3, 9);
  const peer = measureInR(
    'R arules apriori (C), Groceries, supp 0.001 / conf 0.5',
    'arules',
    `data(Groceries)
for (i in 1:3) apriori(Groceries, parameter = list(supp = 0.001, conf = 0.5), control = list(verbose = FALSE))
t <- replicate(11, system.time(apriori(Groceries, parameter = list(supp = 0.001, conf = 0.5), control = list(verbose = FALSE)))[["elapsed"]])`,
  );

  return {
    groceries: {
      settings: 'supp 0.001, conf 0.5, minlen 1, maxlen 10 (arules defaults)',
      transactions: groceries.baskets.length,
      items: groceries.items.length,
      rules: g.rules,
      expectedRules: 5668,
      miningMedianMs: g.medianMs,
      miningMinMs: g.minMs,
      runsAfterWarmup: g.runs,
      loadAndEncodeMs: Number(loadMs.toFixed(1)),
      peer,
      ratioToPeer: peer.measured ? Number((g.medianMs / 1000 / peer.seconds).toFixed(3)) : 'not measured',
    },
    onlineRetail: {
      settings: `supp ${retailOpts.support}, conf ${retailOpts.confidence}, minlen 1, maxlen 10; one basket per invoice line, duplicate codes within a basket counted once`,
      transactions: retail.baskets.length,
      items: retail.items.length,
      rules: r.rules,
      miningMedianMs: r.medianMs,
      miningMinMs: r.minMs,
      runsAfterWarmup: r.runs,
    },
  };
}
