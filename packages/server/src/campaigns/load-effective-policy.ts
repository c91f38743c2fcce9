import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import type { Engine } from '../engines/engine.ts';
import { loadPolicy } from './campaign-settings.ts';
import { readComplianceSettings } from './compliance-settings.ts';

/**
 * The policy every send decision uses: an explicit `--policy` file wins; else the settings saved in
 * the warehouse (dashboard, `PUT /api/settings/compliance`); else `<dataDir>/compliance.json`;
 * else the KOREA.md defaults. The HTTP API, the CLI and the scheduler all read it here.
 */
export async function loadEffectivePolicy(
  engine: Engine,
  opts: { dataDir?: string | undefined; file?: string | undefined } = {},
): Promise<{ policy: CompliancePolicy; source: string }> {
  if (opts.file !== undefined) return loadPolicy(opts.dataDir ?? '.', opts.file);
  const stored = await readComplianceSettings(engine);
  if (stored.revision > 0) return { policy: stored.policy, source: `warehouse r${stored.revision}` };
  if (opts.dataDir !== undefined) return loadPolicy(opts.dataDir);
  return { policy: stored.policy, source: 'defaults' };
}
