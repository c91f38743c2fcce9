import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export type RegisterCommands = (program: Command, ctx: CliContext) => void;

/**
 * One top-level command: its name and one-line summary (for `dalbit --help`, without loading it)
 * and how to load the module(s) that register it. A command's module — and everything it imports
 * (DuckDB, the HTTP server, the models) — is loaded only when that command runs; a test checks
 * that each summary equals the description the module itself sets.
 */
export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<readonly RegisterCommands[]>;
}

/** Every command group, in `--help` order; one entry per group. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    name: 'init',
    summary: 'create the warehouse in the data directory (safe to re-run)',
    load: async () => [(await import('./init.ts')).registerInit],
  },
  {
    name: 'import',
    summary: 'import an export file (Cafe24, SmartStore, Coupang, POS, customers, events, products, warranties)',
    load: async () => [(await import('./import.ts')).registerImport],
  },
  {
    name: 'experiment',
    summary: 'experiment statistics (A/B/n tests, holdouts)',
    load: async () => [(await import('./experiment.ts')).registerExperiment],
  },
  {
    name: 'basket',
    summary: 'market-basket rules (장바구니 연관 규칙)',
    load: async () => [(await import('./basket.ts')).registerBasket],
  },
  {
    name: 'rfm',
    summary:
      'RFM quintile scores and the 11 segments; file mode with --invoices, else the warehouse (stores rfm_scores)',
    load: async () => [(await import('./rfm.ts')).registerRfm],
  },
  {
    name: 'clv',
    summary: 'BG/NBD + Gamma-Gamma purchase and lifetime-value models (고객 생애가치)',
    load: async () => [(await import('./clv.ts')).registerClv],
  },
  {
    name: 'customers',
    summary: 'unified customers: show one, list merges, undo a merge',
    load: async () => [(await import('./customers.ts')).registerCustomers],
  },
  {
    name: 'stats',
    summary: 'headline counts: customers, orders, revenue by channel, events, consents, merges',
    load: async () => [(await import('./stats.ts')).registerStats],
  },
  {
    name: 'demo',
    summary:
      'generate the demo brand as real export files, import them all, then serve the dashboard (데모 브랜드 생성 + 가져오기 + 대시보드)',
    load: async () => [(await import('./demo.ts')).registerDemo],
  },
  {
    name: 'consent',
    summary: 'advertising consent per channel and purpose (append-only, with proof) / 광고 수신 동의',
    load: async () => [(await import('./consent.ts')).registerConsent],
  },
  {
    name: 'serve',
    summary:
      'HTTP API + dashboard, campaign scheduler, dispatcher and daily refresh in one process (API 서버·대시보드·스케줄러·발송기·일일 갱신)',
    load: async () => [(await import('./serve.ts')).registerServe],
  },
  {
    name: 'traits',
    summary: 'customer traits: discount sensitivity, channel migration, golden time … (고객 성향)',
    load: async () => [(await import('./traits.ts')).registerTraits],
  },
  {
    name: 'clusters',
    summary: 'auto-discovered segments: k-means on RFM + traits (자동 세그먼트)',
    load: async () => [(await import('./clusters.ts')).registerClusters],
  },
  {
    name: 'report',
    summary: 'audience reports: size, revenue, categories, channels, reachability, visits, trend (고객 리포트)',
    load: async () => [(await import('./report.ts')).registerReport],
  },
  {
    name: 'campaign',
    summary: '캠페인: 생성, 목록, 미리보기, 시뮬레이션, 실행, 현황 / campaigns',
    // `campaign report ID` hangs under `campaign`, so it is registered after it.
    load: async () => [
      (await import('./campaign.ts')).registerCampaign,
      (await import('./campaign-report.ts')).registerCampaignReport,
    ],
  },
  {
    name: 'segment',
    summary: 'segments: explain, count, create, refresh, export',
    load: async () => [(await import('./segment.ts')).registerSegment],
  },
  {
    name: 'recipes',
    summary: 'audiences by marketing purpose',
    load: async () => [(await import('./recipes.ts')).registerRecipes],
  },
  {
    name: 'dispatcher',
    summary: 'send due messages from the outbox and take delivery reports (발송기: 아웃박스 발송 + 수신 결과 웹훅)',
    load: async () => [(await import('./dispatcher.ts')).registerDispatcher],
  },
  {
    name: 'refresh',
    summary: 'recompute analytics (RFM, related products, CLV, traits), features and segment memberships',
    load: async () => [(await import('./refresh.ts')).registerRefresh],
  },
  {
    name: 'audit',
    summary: 'personal-data access log (개인정보 접근 기록): verify',
    load: async () => [(await import('./audit.ts')).registerAudit],
  },
  {
    name: 'users',
    summary: 'dashboard and API accounts (사용자 계정: 추가·목록·비활성화·비밀번호 재설정·API 토큰)',
    load: async () => [(await import('./users.ts')).registerUsers],
  },
  {
    name: 'tracker',
    summary: 'browser tracker keys and snippet (트래커 키·스니펫)',
    load: async () => [(await import('./tracker.ts')).registerTracker],
  },
];

/** Global options that take a value, so the word after them is not the command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data-dir']);

/**
 * The command group `argv` (process.argv) asks for, if any: the first word that is not a global
 * option; `help NAME` asks for NAME. Undefined for `--help`, no command or an unknown word.
 */
export function requestedGroup(argv: readonly string[]): CommandGroup | undefined {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(w)) {
      i++;
      continue;
    }
    if (w.startsWith('-')) continue;
    const name = w === 'help' ? words[i + 1] : w;
    return COMMAND_GROUPS.find((g) => g.name === name);
  }
  return undefined;
}
