import type { AuthOptions } from '../auth/auth-options.ts';
import type { ConnectorDeps } from '../connectors/connector-deps.ts';
import type { ChannelConfigResult } from '../dispatch/channel-config.ts';
import type { Engine } from '../engines/engine.ts';
import type { SiteKeys } from '../tracker/site-keys.ts';
import type { TrackerLimits } from '../tracker/tracker-gate.ts';

/** What the HTTP layer is given by its entry point (nothing is read from the environment here). */
export interface ApiDeps {
  readonly engine: Engine;
  /** The clock; routes pass time into everything else ("as of" defaults to it). */
  readonly now: () => Date;
  /** Operational log (unexpected errors with their stack). */
  readonly log: (line: string) => void;
  /** Sessions, cookies, proxy trust and allowed hosts (default: loopback-safe defaults). */
  readonly auth?: AuthOptions;
  /** The site's tracker write key and identify secret (`<dataDir>/site-keys.json`); without them the tracker routes answer 503. */
  readonly siteKeys?: SiteKeys;
  /** Per-key and per-IP limits on the public tracker routes (default: DEFAULT_TRACKER_LIMITS). */
  readonly trackerLimits?: Partial<TrackerLimits>;
  /** Shop connectors' sealing key and HTTP (decision 0016); without them the connector routes answer 501. */
  readonly connectors?: ConnectorDeps;
  /** Channel credentials parsed from the environment, for their status and test sends on the settings page (default: none set). */
  readonly channels?: ChannelConfigResult;
  /** Where import uploads wait (`<dataDir>/uploads` under `dalbit serve`, so they outlive a restart); default: a private temp directory. */
  readonly uploadDir?: string;
}
