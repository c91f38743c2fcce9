import { readFileSync } from 'node:fs';
import { buildTransactions } from '@dalbit/core/analytics/basket/transactions';
import { generateRules } from '@dalbit/core/analytics/basket/generate-rules';
import { mineItemsetTrie } from '@dalbit/core/analytics/basket/mine-itemsets';
const lines = readFileSync('/work/shared/data/groceries/transactions.csv','utf8').split('\n').slice(1).filter(Boolean);
const rows = lines.map(l => { const i = l.indexOf(','); return { transactionId: l.slice(0,i), item: JSON.parse(l.slice(i+1)) as string }; });
const tx = buildTransactions(rows);
for (let k=0;k<8;k++){const t0=performance.now(); const f=mineItemsetTrie(tx,{support:0.001}); const t1=performance.now(); const r=generateRules(f,{confidence:0.5}); console.log(f.size, r.length, (t1-t0).toFixed(1), (performance.now()-t1).toFixed(1));}
const s=0.0108795119471276, c=0.524509803921569; console.log((s/c).toPrecision(15), (107/9835/(107/204)).toPrecision(15));
