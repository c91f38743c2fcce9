import { defineMessages } from '../define-messages.ts';

/** `dalbit basket|rfm|clv|clusters|traits|report|recipes|refresh`: help and what they print. */
export const CLI_ANALYTICS_MESSAGES = defineMessages({
  'cli.option.asOfDay': {
    ko: '이 날짜(KST) 00:00 이전의 기록만 셈 (기본값: 오늘, 데이터가 그보다 먼저 끝나면 그다음 날)',
    en: 'records before 00:00 KST of this date count (default: today, or the day after the data ends when that is earlier)',
  },
  'cli.option.formatJson': { ko: '--format json 과 같음', en: 'same as --format json' },
  'cli.asOf.notice': {
    ko: '기준일 {day}: 데이터가 {last}에 끝나 그다음 날을 기준으로 합니다 (바꾸려면 --as-of)',
    en: 'as of {day}: the data ends {last}, so the day after it is used (change with --as-of)',
  },
  'cli.error.invalidInput': { ko: '잘못된 입력 ({count}건):', en: 'invalid input ({count}):' },
  'cli.error.moreIssues': { ko: '… 외 {count}건', en: '… {count} more' },

  'cli.basket.rules': {
    ko: 'R arules apriori 와 같은 연관 규칙; --transactions 가 없으면 웨어하우스에서 계산 (--store 일 때만 related_products 저장)',
    en: 'association rules as R arules apriori computes them; without --transactions: the warehouse (stores related_products only with --store)',
  },
  'cli.basket.opt.transactions': {
    ko: 'transaction_id,item[,customer_id] 행의 CSV (파일 모드)',
    en: 'CSV with transaction_id,item[,customer_id] rows (file mode)',
  },
  'cli.basket.opt.support': {
    ko: '최소 지지도, 0 < s ≤ 1 (개수 ≥ ceil(s × N) 이면 빈발)',
    en: 'minimum support, 0 < s ≤ 1 (frequent iff count ≥ ceil(s × N))',
  },
  'cli.basket.opt.confidence': { ko: '최소 신뢰도, 0 ≤ c ≤ 1', en: 'minimum confidence, 0 ≤ c ≤ 1' },
  'cli.basket.opt.minlen': {
    ko: 'lhs + rhs 최소 품목 수 (arules minlen; 1 이면 {} => {x} 허용)',
    en: 'minimum items in lhs + rhs (arules minlen; 1 allows {} => {x})',
  },
  'cli.basket.opt.maxlen': {
    ko: 'lhs + rhs 최대 품목 수 (arules maxlen, 기본값 10)',
    en: 'maximum items in lhs + rhs (arules maxlen, default 10)',
  },
  'cli.basket.opt.lift': { ko: '최소 향상도(lift)', en: 'minimum lift' },
  'cli.basket.opt.level': {
    ko: '장바구니 단위: 주문별 또는 고객별 (order|customer)',
    en: 'baskets per order or per customer: order|customer',
  },
  'cli.basket.opt.itemLevel': {
    ko: '웨어하우스: 상품 또는 카테고리 (product|category)',
    en: 'warehouse: product|category',
  },
  'cli.basket.opt.windowDays': {
    ko: '웨어하우스: --as-of 이전 최근 N일만',
    en: 'warehouse: only the last N days before --as-of',
  },
  'cli.basket.opt.top': {
    ko: '웨어하우스: 고객별로 남길 연관 상품 수 (기본값 5)',
    en: 'warehouse: related products kept per customer (default 5)',
  },
  'cli.basket.opt.format': { ko: 'csv|json (기본값 csv)', en: 'csv|json (default csv)' },
  'cli.basket.stored': {
    ko: 'related_products: 고객 {customers}명에 {rows}행 ({itemLevel} 없는 품목 {skipped}줄 제외)',
    en: 'related_products: {rows} rows for {customers} customers ({skipped} lines without {itemLevel})',
  },

  'cli.rfm.opt.invoices': {
    ko: 'InvoiceNo,InvoiceDate,CustomerID,TotalPrice 열의 CSV (파일 모드: 고객별 점수)',
    en: 'CSV with InvoiceNo,InvoiceDate,CustomerID,TotalPrice (file mode: per-customer scores)',
  },
  'cli.rfm.opt.windowDays': {
    ko: '--as-of 이전 최근 N일의 구매만',
    en: 'only purchases of the last N days before --as-of',
  },
  'cli.rfm.opt.format': {
    ko: '파일 모드 csv|json (기본값 csv); 웨어하우스 table|json (기본값 table)',
    en: 'file mode csv|json (default csv); warehouse table|json (default table)',
  },
  'cli.rfm.opt.grid': {
    ko: '웨어하우스: R × F 격자와 평균 구매액도 출력',
    en: 'warehouse: also print the R × F grid with mean monetary',
  },
  'cli.rfm.opt.vsDate': {
    ko: '웨어하우스: 이 이전 날짜로부터의 세그먼트 이동도 집계',
    en: 'warehouse: also count segment transitions from this earlier date',
  },
  'cli.rfm.head': { ko: 'RFM 기준일 {asOf} · 고객 {customers}명', en: 'RFM as of {asOf} · {customers} customers' },
  'cli.rfm.columns': {
    ko: '세그먼트\t고객 수\t비중\t매출(원)\t매출 비중',
    en: 'segment\tcustomers\tshare\trevenue (KRW)\trevenue share',
  },
  'cli.rfm.grid': { ko: 'R × F (고객 수 / 평균 구매액)', en: 'R × F (customers / mean monetary)' },
  'cli.rfm.none': { ko: '(없음)', en: '(none)' },
  'cli.rfm.moves': { ko: '세그먼트 이동 {from} → {to}', en: 'segment moves {from} → {to}' },

  'cli.clv.fit': {
    ko: 'BG/NBD, Gamma-Gamma (파일 모드에서는 Pareto/NBD 도) 적합; --cbs 가 없으면 웨어하우스에서 계산해 clv_scores 저장',
    en: 'fit BG/NBD, Gamma-Gamma (and Pareto/NBD in file mode); without --cbs: the warehouse, storing clv_scores',
  },
  'cli.clv.score': {
    ko: '고객별 생존 확률, 기대 구매 수, 기대 구매액; --cbs 가 없으면 웨어하우스에서 계산해 clv_scores 저장',
    en: 'per-customer P(alive), expected purchases and expected spend; without --cbs: the warehouse, storing clv_scores',
  },
  'cli.clv.opt.cbs': {
    ko: 'Hardie 형식의 CSV: cust,x,t.x,T.cal[,x.star][,m.x] (x.star 는 무시)',
    en: "CSV in Hardie's layout: cust,x,t.x,T.cal[,x.star][,m.x] (x.star is ignored)",
  },
  'cli.clv.opt.horizon': {
    ko: '파일 모드: 파일의 시간 단위로 본 예측 기간 (기본값 39)',
    en: 'file mode: horizon in the file time unit (default 39)',
  },
  'cli.clv.customers': { ko: '고객 수: {count}', en: 'customers: {count}' },
  'cli.clv.stored': { ko: 'clv_scores 저장: {count}', en: 'clv_scores stored: {count}' },

  'cli.clusters.run': {
    ko: '구매 고객 전체를 군집으로 나누고 군집마다 이름을 붙여 저장 (기본 하위 명령)',
    en: 'clusters every buyer, names each cluster, and stores the run (default subcommand)',
  },
  'cli.clusters.save': {
    ko: '실행 결과의 군집 하나를 세그먼트로 저장 (멤버 스냅숏)',
    en: 'saves one cluster of a run as a segment (a snapshot of its members)',
  },
  'cli.clusters.opt.k': {
    ko: '군집 수 (기본값: k = {from}..{to} 중 실루엣이 가장 큰 값)',
    en: 'number of clusters (default: best silhouette for k in {from}..{to})',
  },
  'cli.clusters.opt.seed': {
    ko: '난수 시드 (기본값 42); 같은 시드와 데이터면 같은 군집',
    en: 'random seed (default 42); the same seed and data give the same clusters',
  },
  'cli.clusters.opt.name': { ko: '세그먼트 이름 (기본값: 군집 이름)', en: 'segment name (default: the cluster label)' },
  'cli.clusters.badNumber': {
    ko: '<cluster>: 1 이상의 정수여야 합니다: {value}',
    en: "<cluster>: expected a cluster number ≥ 1, got '{value}'",
  },
  'cli.clusters.saved': {
    ko: "세그먼트 저장: {id} '{name}' (고객 {members}명)",
    en: "segment saved: {id} '{name}' ({members} customers)",
  },
  'cli.clusters.head': {
    ko: '자동 세그먼트 {runId}: 구매 고객 {buyers}명, k={k} ({how}), 실루엣 {silhouette}, seed {seed}',
    en: 'auto segments {runId}: {buyers} buyers, k={k} ({how}), silhouette {silhouette}, seed {seed}',
  },
  'cli.clusters.bestSilhouette': { ko: '실루엣 최대, 표본 {sample}명', en: 'best silhouette, sample {sample}' },
  'cli.clusters.given': { ko: '지정', en: 'given' },
  'cli.clusters.silhouette': { ko: '실루엣', en: 'silhouette' },
  'cli.clusters.size': {
    ko: '고객 {size}명 ({share}) · 매출 {revenue}원 ({revenueShare})',
    en: '{size} customers ({share}) · revenue {revenue} KRW ({revenueShare})',
  },
  'cli.clusters.vsRest': { ko: 'vs 나머지', en: 'vs rest' },
  'cli.clusters.saveHint': {
    ko: '세그먼트로 저장: dalbit clusters save {runId} <번호>',
    en: 'save as a segment: dalbit clusters save {runId} <number>',
  },

  'cli.traits.compute': {
    ko: '고객 전체의 성향을 계산해 customer_traits 를 바꿈',
    en: 'computes the traits of every customer and replaces customer_traits',
  },
  'cli.traits.stored': {
    ko: '고객 성향 저장: 고객 {customers}명 (구매 고객 {buyers}명)',
    en: 'customer traits stored: {customers} customers ({buyers} buyers)',
  },
  'cli.traits.discount': { ko: '할인 민감 (할인 주문 ≥ 50%)', en: 'discount-sensitive (≥ 50% discounted orders)' },
  'cli.traits.cherry': { ko: '체리피커 (점수 ≥ 0.5)', en: 'cherry-pickers (score ≥ 0.5)' },
  'cli.traits.migrated': { ko: '마켓 → 자사몰 전환', en: 'marketplace → own shop' },
  'cli.traits.golden': { ko: '7일 안에 골든타임', en: 'golden time within 7 days' },
  'cli.traits.interval': { ko: '재구매 주기 중앙값\t{days}일', en: 'median repurchase interval\t{days} days' },
  'cli.traits.paths': { ko: '첫 채널 → 현재 채널', en: 'first channel → current channel' },
  'cli.traits.categories': { ko: '선호 카테고리', en: 'preferred categories' },
  'cli.traits.peak': { ko: '가장 많은 활동 시간대\t{hour}시 (KST)', en: 'most common active hour\t{hour}:00 KST' },

  'cli.report.allCustomers': { ko: '전체 고객', en: 'all customers' },
  'cli.report.base': { ko: '고객 전체', en: 'the whole customer base' },
  'cli.report.segment': {
    ko: '저장된 세그먼트 id, 군집 (cluster:<실행>:<번호>) 또는 base; --vs 로 두 번째 대상을 나란히 비교',
    en: 'a stored segment id, a cluster (cluster:<run>:<n>) or base; --vs puts a second audience side by side',
  },
  'cli.report.opt.top': {
    ko: '카테고리와 상품을 몇 개까지 (기본값 5)',
    en: 'how many categories and products (default 5)',
  },
  'cli.report.opt.vs': { ko: '비교할 두 번째 대상', en: 'second audience to compare with' },

  'cli.recipes.list': {
    ko: '레시피 전체: 목적, 유형, 추천 액션, 골든타임',
    en: 'every recipe with purpose, type, suggested action and golden time',
  },
  'cli.recipes.action': { ko: '추천 액션', en: 'action' },
  'cli.recipes.golden': { ko: '골든타임', en: 'golden time' },
  'cli.recipes.required': { ko: '(필수)', en: '(required)' },

  'cli.refresh.step.rfm': { ko: 'RFM 점수', en: 'RFM scores' },
  'cli.refresh.step.related_products': { ko: '연관 상품', en: 'related products' },
  'cli.refresh.step.clv': { ko: '구매 확률 · 생애가치', en: 'purchase probability · lifetime value' },
  'cli.refresh.step.traits': { ko: '고객 특성', en: 'customer traits' },
  'cli.refresh.step.features': { ko: '고객 피처 테이블', en: 'customer feature table' },
  'cli.refresh.step.segments': { ko: '세그먼트 멤버십', en: 'segment memberships' },
  'cli.refresh.seconds': { ko: '{seconds}초', en: '{seconds} s' },
  'cli.refresh.failed': { ko: '{count}개 단계 실패: {steps}', en: '{count} step(s) failed: {steps}' },
});
