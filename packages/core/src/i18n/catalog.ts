import type { Message } from './define-messages.ts';
import { josa } from './josa.ts';
import type { Lang } from './lang.ts';
import { ANALYTICS_LABEL_MESSAGES } from './messages/analytics-labels.ts';
import { AUDIENCE_LIST_MESSAGES } from './messages/audience-list.ts';
import { AUDIT_MESSAGES } from './messages/audit.ts';
import { AUTH_MESSAGES } from './messages/auth.ts';
import { CAMPAIGN_MESSAGES } from './messages/campaigns.ts';
import { CLI_MESSAGES } from './messages/cli.ts';
import { CLI_ADMIN_MESSAGES } from './messages/cli-admin.ts';
import { CLI_ANALYTICS_MESSAGES } from './messages/cli-analytics.ts';
import { CLI_CAMPAIGN_MESSAGES } from './messages/cli-campaign.ts';
import { CLI_CONSENT_MESSAGES } from './messages/cli-consent.ts';
import { CLI_DISPATCHER_MESSAGES } from './messages/cli-dispatcher.ts';
import { CLI_EXPERIMENT_MESSAGES } from './messages/cli-experiment.ts';
import { CLI_IMPORT_MESSAGES } from './messages/cli-import.ts';
import { CLI_SEGMENT_MESSAGES } from './messages/cli-segment.ts';
import { CLICKHOUSE_MESSAGES } from './messages/clickhouse.ts';
import { COMMON_MESSAGES } from './messages/common.ts';
import { CONNECTOR_MESSAGES } from './messages/connectors.ts';
import { COUPON_MESSAGES } from './messages/coupons.ts';
import { DATA_DIR_MESSAGES } from './messages/data-dir.ts';
import { DOMAIN_ERROR_MESSAGES } from './messages/domain-errors.ts';
import { ERROR_MESSAGES } from './messages/errors.ts';
import { EXPERIMENT_FILE_MESSAGES } from './messages/experiment-file.ts';
import { EXPLAIN_MESSAGES } from './messages/explain.ts';
import { IMPORT_CHECK_MESSAGES } from './messages/import-check.ts';
import { IMPORTS_MESSAGES } from './messages/imports.ts';
import { LIMITS_MESSAGES } from './messages/limits.ts';
import { LOOPS_MESSAGES } from './messages/loops.ts';
import { REASON_MESSAGES } from './messages/reasons.ts';
import { RECIPE_MESSAGES } from './messages/recipes.ts';
import { RECONFIRM_MESSAGES } from './messages/reconfirm.ts';
import { REPORT_INSIGHT_MESSAGES } from './messages/report-insights.ts';
import { REPORT_TABLE_MESSAGES } from './messages/report-tables.ts';
import { REPORT_TEXT_MESSAGES } from './messages/report-text.ts';
import { RUNTIME_MESSAGES } from './messages/runtime.ts';
import { SEGMENT_FIELD_MESSAGES } from './messages/segment-fields.ts';
import { STORAGE_MESSAGES } from './messages/storage.ts';
import { STORE_ERROR_MESSAGES } from './messages/store-errors.ts';
import { STUDIO_MESSAGES } from './messages/studio.ts';
import { STUDIO_CHANNEL_MESSAGES } from './messages/studio-channels.ts';
import { STUDIO_FLOW_MESSAGES } from './messages/studio-flow.ts';
import { STUDIO_PRIORITY_MESSAGES } from './messages/studio-priority.ts';
import { TRACKER_MESSAGES } from './messages/tracker.ts';
import { UNSUBSCRIBE_MESSAGES } from './messages/unsubscribe.ts';
import { VERDICT_MESSAGES } from './messages/verdict.ts';
import { WEB_MESSAGES } from './messages/web.ts';
import { WEB_AUDIENCE_MESSAGES } from './messages/web-audience.ts';
import { WEB_BUILDER_MESSAGES } from './messages/web-builder.ts';
import { WEB_INSIGHT_MESSAGES } from './messages/web-insight.ts';
import { WEB_WORKSPACE_MESSAGES } from './messages/web-workspace.ts';

/**
 * The one message catalog: every text a person reads (CLI help and output, API error messages,
 * rendered reports, the dashboard), in Korean and English. Areas live in `messages/<area>.ts`;
 * add a file there and spread it here. Keys are `<area>.<name>`.
 */
export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...CLI_MESSAGES,
  ...DATA_DIR_MESSAGES,
  ...CLI_ANALYTICS_MESSAGES,
  ...CLI_ADMIN_MESSAGES,
  ...CLI_CAMPAIGN_MESSAGES,
  ...CLI_CONSENT_MESSAGES,
  ...CLI_DISPATCHER_MESSAGES,
  ...CLI_EXPERIMENT_MESSAGES,
  ...CLI_IMPORT_MESSAGES,
  ...CLI_SEGMENT_MESSAGES,
  ...CLICKHOUSE_MESSAGES,
  ...ERROR_MESSAGES,
  ...DOMAIN_ERROR_MESSAGES,
  ...AUTH_MESSAGES,
  ...WEB_MESSAGES,
  ...WEB_AUDIENCE_MESSAGES,
  ...LOOPS_MESSAGES,
  ...AUDIENCE_LIST_MESSAGES,
  ...WEB_BUILDER_MESSAGES,
  ...WEB_INSIGHT_MESSAGES,
  ...WEB_WORKSPACE_MESSAGES,
  ...TRACKER_MESSAGES,
  ...UNSUBSCRIBE_MESSAGES,
  ...LIMITS_MESSAGES,
  ...CAMPAIGN_MESSAGES,
  ...AUDIT_MESSAGES,
  ...IMPORTS_MESSAGES,
  ...IMPORT_CHECK_MESSAGES,
  ...STUDIO_MESSAGES,
  ...STUDIO_FLOW_MESSAGES,
  ...COUPON_MESSAGES,
  ...STUDIO_CHANNEL_MESSAGES,
  ...STUDIO_PRIORITY_MESSAGES,
  ...CONNECTOR_MESSAGES,
  ...STORAGE_MESSAGES,
  ...REPORT_TEXT_MESSAGES,
  ...REPORT_INSIGHT_MESSAGES,
  ...VERDICT_MESSAGES,
  ...EXPERIMENT_FILE_MESSAGES,
  ...RUNTIME_MESSAGES,
  ...EXPLAIN_MESSAGES,
  ...RECONFIRM_MESSAGES,
  ...RECIPE_MESSAGES,
  ...ANALYTICS_LABEL_MESSAGES,
  ...SEGMENT_FIELD_MESSAGES,
  ...REASON_MESSAGES,
  ...REPORT_TABLE_MESSAGES,
  ...STORE_ERROR_MESSAGES,
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders; a placeholder without a value stays visible so a gap is noticed in tests.
 * `{name|이/가}` adds the Korean particle that fits the value's last syllable (`{label|이/가}` → "나이가", "등급이").
 */
export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(
    /\{(\w+)(?:\|([^/{}|]+)\/([^/{}|]+))?\}/g,
    (whole, name: string, withFinal?: string, without?: string) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = String(params[name]);
      return withFinal !== undefined && without !== undefined ? josa(value, withFinal, without) : value;
    },
  );
}

/** The text of `key` in `lang`. @example translate('ko', 'common.people', { count: '1,234' }) // '1,234명' */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillPlaceholders(MESSAGES[key][lang], params);
}

/** Whether `key` is in the catalog (for keys built from a code or a name, e.g. `domain.${code}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/**
 * One key in both languages, for data that carries its text in both (API answers, a stored cluster
 * run's label). The text itself lives only in the catalog.
 */
export function bilingual(key: MessageKey, params?: MessageParams): { readonly ko: string; readonly en: string } {
  return { ko: translate('ko', key, params), en: translate('en', key, params) };
}

/** A translator bound to one language, for a CLI run, a request or the dashboard. */
export function translator(lang: Lang): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => translate(lang, key, params);
}
