import {
  type CompliancePolicy,
  CompliancePolicySchema,
  DEFAULT_COMPLIANCE_POLICY,
  parseCompliancePolicy,
} from '@dalbit/core/compliance/policy';
import { COMPLIANCE_SETTINGS } from '@dalbit/core/compliance/tables';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { zodKorean } from '@dalbit/core/i18n/zod-korean';
import { columnNames } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';
import { campaignIssueCode } from './issue-code.ts';

export interface StoredComplianceSettings {
  readonly policy: CompliancePolicy;
  /** 0 = nothing stored yet (the KOREA.md defaults). */
  readonly revision: number;
  readonly changedBy: string | null;
  readonly changedAt: Date | null;
}

/** Sender fields an ad needs before it can launch (the guard blocks it with SENDER_INFO_MISSING otherwise). */
export function missingSenderFields(policy: CompliancePolicy): ('name' | 'contact' | 'optOutNumber')[] {
  const s = policy.sender;
  return (['name', 'contact', 'optOutNumber'] as const).filter((k) => s[k].trim() === '');
}

/** The current settings from the warehouse, or the defaults with revision 0. */
export async function readComplianceSettings(engine: Engine): Promise<StoredComplianceSettings> {
  const [row] = await engine.query<{ revision: number; policy: string; changed_by: string; changed_at: Date }>(
    'SELECT revision, policy, changed_by, changed_at FROM compliance_settings ORDER BY revision DESC LIMIT 1',
  );
  if (!row) return { policy: DEFAULT_COMPLIANCE_POLICY, revision: 0, changedBy: null, changedAt: null };
  const parsed = parseCompliancePolicy(JSON.parse(String(row.policy)));
  if (!parsed.success)
    throw new DalbitError({
      code: 'SETTINGS_INVALID_STORED',
      kind: 'internal',
      message: `compliance_settings r${row.revision} no longer validates`,
      cause: parsed.error,
    });
  return {
    policy: parsed.data,
    revision: Number(row.revision),
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/**
 * Validates and appends a new revision of the settings (nothing written when invalid: a
 * DalbitError SETTINGS_INVALID with every field path). Returns what is now current.
 * @example await saveComplianceSettings(engine, { sender: { name: '달빛', contact: '02-1', optOutNumber: '080-1' } }, { by: 'u_1', at: now })
 */
export async function saveComplianceSettings(
  engine: Engine,
  input: unknown,
  who: { by: string; at: Date },
): Promise<StoredComplianceSettings> {
  const parsed = CompliancePolicySchema.safeParse(input ?? {}, { error: zodKorean });
  if (!parsed.success)
    throw new DalbitError({
      code: 'SETTINGS_INVALID',
      kind: 'invalid_input',
      message: translate('ko', 'settings.INVALID', { count: parsed.error.issues.length }),
      issues: parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: i.message,
        code: campaignIssueCode(i),
      })),
    });
  return engine.transaction(async (tx) => {
    const revision = (await readComplianceSettings(tx)).revision + 1;
    await tx.insert(COMPLIANCE_SETTINGS.name, columnNames(COMPLIANCE_SETTINGS), [
      [revision, JSON.stringify(parsed.data), who.by, who.at],
    ]);
    return { policy: parsed.data, revision, changedBy: who.by, changedAt: who.at };
  });
}
