import type { OrderProfile } from '@dalbit/core/ingest/mappers/map-order-row';
import { normaliseChannel } from '@dalbit/core/ingest/normalise/channel';
import { parseOrderStatus } from '@dalbit/core/ingest/normalise/status';
import type { Engine } from '../../engines/engine.ts';
import { RAW } from './stage-csv.ts';

/** Validated order lines, one row per accepted input line (columns of `OrderFields`). */
export const MAPPED = 'bulk_mapped';
const STATUS = 'bulk_status_dict';
const CHANNEL = 'bulk_channel_dict';

export const MAPPED_COLUMNS = [
  'line',
  'channel',
  'order_no',
  'line_no',
  'ordered_at',
  'product_id',
  'product_name',
  'option',
  'status',
  'quantity',
  'amount',
  'discount',
  'phone_kind',
  'phone_e164',
  'email',
  'member_text',
  'buyer_name',
  'coupon',
  'store',
] as const;

export interface FieldPlan {
  /** Field → column index of the file. */
  readonly index: ReadonlyMap<string, number>;
  readonly profile: OrderProfile;
  /** `--channel` or the mapping's channel. */
  readonly channel: string | undefined;
  readonly offsetMinutes: number;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** Exactly the characters JavaScript's `trim` removes. */
const JS_SPACE =
  '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';
const EMPTY_TOKENS = ['', 'NA', 'N/A', 'n/a', 'NULL', 'null', '-', '#N/A'];

/**
 * SQL for each field in the forms the JS normalisers read the same way. `value` is the
 * normalised value when `fast` holds; a row with any field not `fast` is mapped by the JS field
 * reader instead (same values, same row errors), so SQL only has to be right for the common forms.
 */
interface FieldSql {
  readonly value: string;
  readonly fast: string;
}

function columnOf(plan: FieldPlan, field: string): string | undefined {
  const i = plan.index.get(field);
  return i === undefined ? undefined : `c${i}`;
}

/** `cellText` of column `c` as `v…` of the first projection: NULL for the empty tokens. */
function cellValue(c: string): string {
  return `(CASE WHEN ${c} IN (${EMPTY_TOKENS.map(q).join(', ')}) THEN NULL ELSE ${c} END) AS v${c.slice(1)}`;
}

/** A value with a control or space at either end is not fast (JS trims those). */
function cell(c: string | undefined): FieldSql {
  if (c === undefined) return { value: 'CAST(NULL AS VARCHAR)', fast: 'true' };
  return {
    value: `v${c.slice(1)}`,
    fast: `(${c} IS NULL OR (length(${c}) > 0 AND unicode(${c}) > 32 AND unicode(right(${c}, 1)) > 32))`,
  };
}

function timestamp(c: string | undefined, offsetMinutes: number): FieldSql {
  const t = cell(c);
  if (c === undefined) return { value: 'CAST(NULL AS TIMESTAMP)', fast: 'true' };
  const v = t.value;
  const parsed = `(CASE length(${v}) WHEN 10 THEN try_strptime(${v}, '%Y-%m-%d') WHEN 16 THEN try_strptime(${v}, '%Y-%m-%d %H:%M') WHEN 19 THEN try_strptime(${v}, '%Y-%m-%d %H:%M:%S') END)`;
  const shape = `regexp_full_match(${t.value}, '(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?|2100-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?')`;
  const seconds = `(length(${t.value}) < 19 OR TRY_CAST(right(${t.value}, 2) AS INTEGER) <= 59)`;
  return {
    value: `(${parsed} - INTERVAL ${offsetMinutes} MINUTE)`,
    fast: `(${t.fast} AND (${t.value} IS NULL OR (${shape} AND ${seconds} AND ${parsed} IS NOT NULL)))`,
  };
}

/** Whole numbers, optionally with thousands separators; `parseMoney` reads these the same. */
function money(c: string | undefined): FieldSql {
  const t = cell(c);
  if (c === undefined) return { value: 'CAST(NULL AS HUGEINT)', fast: 'true' };
  const shape = `regexp_full_match(${t.value}, '-?[0-9]{1,15}|-?[0-9]{1,3}(,[0-9]{3}){1,4}')`;
  return {
    value: `TRY_CAST(replace(${t.value}, ',', '') AS HUGEINT)`,
    fast: `(${t.fast} AND (${t.value} IS NULL OR ${shape}))`,
  };
}

/**
 * Mobile and 050 numbers written as digits with optional hyphens (`010-1234-5678`, `01012345678`,
 * `0505-123-4567`): the old path strips the hyphens and reads these as mobile or virtual; masked
 * numbers (`*`) are absent. Other forms go to the JS reader.
 */
function phone(c: string | undefined): { kind: string; e164: string; fast: string } {
  const t = cell(c);
  if (c === undefined) return { kind: 'CAST(NULL AS VARCHAR)', e164: 'CAST(NULL AS VARCHAR)', fast: 'true' };
  const v = t.value;
  const mobile = `regexp_full_match(${v}, '01[016789]-?[0-9]{3,4}-?[0-9]{4}')`;
  const virtual = `regexp_full_match(${v}, '050[0-9]-?[0-9]{3,4}-?[0-9]{4}')`;
  return {
    kind: `(CASE WHEN ${mobile} THEN 'mobile' WHEN ${virtual} THEN 'virtual' END)`,
    e164: `(CASE WHEN ${mobile} OR ${virtual} THEN '+82' || substr(replace(${v}, '-', ''), 2) END)`,
    fast: `(${t.fast} AND (${v} IS NULL OR contains(${v}, '*') OR ${mobile} OR ${virtual}))`,
  };
}

/** Plain ASCII addresses (a subset of what `normaliseEmail` accepts); masked ones are absent. */
function email(c: string | undefined): FieldSql {
  const t = cell(c);
  if (c === undefined) return t;
  const shape = `regexp_full_match(${t.value}, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+')`;
  return {
    value: `(CASE WHEN NOT contains(${t.value}, '*') THEN lower(${t.value}) END)`,
    fast: `(${t.fast} AND (${t.value} IS NULL OR contains(${t.value}, '*') OR ${shape}))`,
  };
}

/**
 * The product code, or without a product code column the old path's key from name and option
 * (`name:<name> / <option>`) for names and options whose only spaces are single inner ones.
 */
function productKey(plan: FieldPlan, text: Record<string, FieldSql>): FieldSql {
  const code = text.product_code as FieldSql;
  if (plan.index.has('product_code')) return code;
  const name = text.product_name as FieldSql;
  const option = text.option as FieldSql;
  const tidy = (v: string) => `(${v} IS NULL OR NOT regexp_matches(${v}, '  |${JS_SPACE.replace(' ', '')}'))`;
  return {
    value: `('name:' || ${name.value} || coalesce(' / ' || ${option.value}, ''))`,
    fast: `(${tidy(name.value)} AND ${tidy(option.value)})`,
  };
}

/**
 * Dictionaries of the statuses and channel labels the file uses, each distinct value read by the
 * JS normaliser itself (a handful of values), so SQL maps them exactly as the old path.
 */
export async function buildDictionaries(tx: Engine, plan: FieldPlan): Promise<void> {
  const status = columnOf(plan, 'status');
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${STATUS} (raw VARCHAR, status VARCHAR)`);
  const statusRows: unknown[][] = [];
  const empty = parseOrderStatus(undefined);
  if (empty.ok) statusRows.push([null, empty.value]);
  if (status !== undefined) {
    const distinct = await tx.query<{ v: string | null }>(`SELECT DISTINCT ${status} AS v FROM ${RAW}`);
    for (const { v } of distinct) {
      if (v === null) continue;
      const r = parseOrderStatus(v);
      if (r.ok) statusRows.push([v, r.value]);
    }
  }
  await tx.insert(STATUS, ['raw', 'status'], statusRows);
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${CHANNEL} (raw VARCHAR, channel VARCHAR)`);
  const channel = columnOf(plan, 'channel');
  if (channel !== undefined) {
    const distinct = await tx.query<{ v: string | null }>(`SELECT DISTINCT ${channel} AS v FROM ${RAW}`);
    const rows = distinct.flatMap(({ v }) => (v === null ? [] : [[v, normaliseChannel(v)]]));
    await tx.insert(CHANNEL, ['raw', 'channel'], rows);
  }
}

/**
 * `MAPPED` from the rows whose every field is in a fast form (computed in SQL), and the line
 * numbers of the other non-blank rows, which the caller maps with the JS field reader.
 */
export async function mapFastRows(tx: Engine, plan: FieldPlan, columnCount: number): Promise<number> {
  const col = (f: string) => columnOf(plan, f);
  const fallbackChannel = plan.channel ?? plan.profile.channel;
  const channelCol = col('channel');
  const label = cell(channelCol);
  const channel =
    channelCol === undefined
      ? fallbackChannel === undefined
        ? 'CAST(NULL AS VARCHAR)'
        : q(fallbackChannel)
      : `(CASE WHEN ${label.value} IS NULL THEN ${fallbackChannel === undefined ? 'NULL' : q(fallbackChannel)} ELSE ch.channel END)`;
  const statusCol = col('status');
  const texts = ['order_id', 'line_id', 'product_code', 'product_name', 'option', 'member_id', 'buyer_name'];
  const text = Object.fromEntries([...texts, 'coupon_code', 'store'].map((f) => [f, cell(col(f))])) as Record<
    string,
    FieldSql
  >;
  const product = productKey(plan, text);
  const at = timestamp(col('ordered_at'), plan.offsetMinutes);
  const qty = plan.index.has('qty') ? money(col('qty')) : { value: '1', fast: 'true' };
  const discount = money(col('discount'));
  const amount = money(col('line_amount'));
  const unit = money(col('unit_price'));
  const tel = phone(col('buyer_phone'));
  const mail = email(col('buyer_email'));
  const disc = `abs(coalesce(${discount.value}, 0))`;
  const lineAmount = `coalesce(${amount.value}, ${unit.value} * ${qty.value} - ${disc})`;
  const fast = [
    `${label.fast}`,
    `${channel} IS NOT NULL`,
    ...Object.values(text).map((t) => t.fast),
    `${text.order_id?.value} IS NOT NULL`,
    `${product.value} IS NOT NULL`,
    product.fast,
    at.fast,
    `${at.value} IS NOT NULL`,
    statusCol === undefined ? 'true' : `(${cell(statusCol).fast} AND st.status IS NOT NULL)`,
    qty.fast,
    `${qty.value} IS NOT NULL`,
    discount.fast,
    amount.fast,
    `(${amount.value} IS NOT NULL OR ${unit.fast})`,
    `${lineAmount} IS NOT NULL`,
    `${qty.value} >= 1`,
    `${lineAmount} >= 0`,
    `${lineAmount} <= ${Number.MAX_SAFE_INTEGER}`,
    tel.fast,
    mail.fast,
  ].join('\n    AND ');
  const blank = Array.from(
    { length: columnCount },
    (_, i) => `(c${i} IS NULL OR regexp_full_match(c${i}, '${JS_SPACE}*'))`,
  ).join(' AND ');
  const emptyStatus = parseOrderStatus(undefined);
  const defaultStatus = emptyStatus.ok ? q(emptyStatus.value) : 'CAST(NULL AS VARCHAR)';
  // A fast row is never blank (it has a date and an order number), so the blank test runs on the rest only.
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${MAPPED} AS
SELECT line, fast, fast OR NOT (${blank}) AS used, * EXCLUDE (line, fast) FROM (
SELECT r.line, coalesce(${fast}, false) AS fast, ${Array.from({ length: columnCount }, (_, i) => `r.c${i}`).join(', ')},
  CAST(${channel} AS VARCHAR) AS channel, ${text.order_id?.value} AS order_no, ${text.line_id?.value} AS line_no,
  ${at.value} AS ordered_at, ${product.value} AS product_id, ${text.product_name?.value} AS product_name,
  ${text.option?.value} AS option, ${statusCol === undefined ? defaultStatus : 'st.status'} AS status,
  TRY_CAST(${qty.value} AS BIGINT) AS quantity, TRY_CAST(${lineAmount} AS BIGINT) AS amount,
  TRY_CAST(${disc} AS BIGINT) AS discount,
  ${tel.kind} AS phone_kind, ${tel.e164} AS phone_e164, ${mail.value} AS email,
  ${text.member_id?.value} AS member_text, ${text.buyer_name?.value} AS buyer_name,
  ${text.coupon_code?.value} AS coupon, ${text.store?.value} AS store
FROM (SELECT *, ${Array.from({ length: columnCount }, (_, i) => cellValue(`c${i}`)).join(', ')} FROM ${RAW}) r
${channelCol === undefined ? '' : `LEFT JOIN ${CHANNEL} ch ON ch.raw = r.${channelCol}`}
${statusCol === undefined ? '' : `LEFT JOIN ${STATUS} st ON st.raw IS NOT DISTINCT FROM r.${statusCol}`})`);
  const [n] = await tx.query<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${MAPPED} WHERE used`);
  return Number(n?.n ?? 0);
}

/** Leaves only the fast rows in `MAPPED` (after the slow rows were read from it). */
export async function keepFastRows(tx: Engine): Promise<void> {
  await tx.exec(`DELETE FROM ${MAPPED} WHERE NOT fast OR NOT used`);
}

export async function dropFieldTables(tx: Engine): Promise<void> {
  for (const t of [STATUS, CHANNEL, MAPPED]) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
}
