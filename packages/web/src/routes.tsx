import type { ComponentType } from 'react';
import type { MessageKey } from './i18n.ts';
import { AnalyticsPage } from './pages/analytics-page.tsx';
import { AudiencePage } from './pages/audience-page.tsx';
import { CampaignComposerPage } from './pages/campaign-composer-page.tsx';
import { CampaignPage } from './pages/campaign-page.tsx';
import { CampaignsPage } from './pages/campaigns-page.tsx';
import { ClustersPage } from './pages/clusters-page.tsx';
import { ConnectionsPage } from './pages/connections-page.tsx';
import { CustomerPage } from './pages/customer-page.tsx';
import { CustomersPage } from './pages/customers-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ImportPage } from './pages/import-page.tsx';
import { ReconfirmationsPage } from './pages/reconfirmations-page.tsx';
import { SegmentsPage } from './pages/segments-page.tsx';
import { SettingsPage } from './pages/settings-page.tsx';
import { TraitsPage } from './pages/traits-page.tsx';
import type { PageProps } from './router/page-props.ts';
import type { CoreMessageKey } from './use-t.ts';

export interface RouteDef {
  /** Hash path with `:params`, e.g. `/customers/:id` (linked as `#/customers/C-1`). */
  readonly pattern: string;
  readonly Page: ComponentType<PageProps>;
  /** Shown in the sidebar when set; the item is active for every route under the same first segment. */
  readonly nav?: { readonly label: MessageKey } | { readonly coreLabel: CoreMessageKey };
}

/**
 * The page registry: one line per route. Routes are tried in order; put `/x/new` before `/x/:id`.
 * Other areas add their pages here (e.g. `{ pattern: '/campaigns/new', Page: CampaignNewPage }`).
 */
export const ROUTES: readonly RouteDef[] = [
  { pattern: '/', Page: HomePage, nav: { label: 'navHome' } },
  { pattern: '/home', Page: HomePage },
  { pattern: '/customers', Page: CustomersPage, nav: { label: 'navCustomers' } },
  { pattern: '/customers/:id', Page: CustomerPage },
  { pattern: '/segments', Page: SegmentsPage, nav: { label: 'navSegments' } },
  { pattern: '/segments/:id', Page: AudiencePage },
  { pattern: '/analytics', Page: AnalyticsPage, nav: { label: 'navAnalytics' } },
  { pattern: '/clusters', Page: ClustersPage, nav: { coreLabel: 'insight.nav.clusters' } },
  { pattern: '/traits', Page: TraitsPage, nav: { coreLabel: 'insight.nav.traits' } },
  { pattern: '/campaigns', Page: CampaignsPage, nav: { label: 'navCampaigns' } },
  { pattern: '/campaigns/new', Page: CampaignComposerPage },
  { pattern: '/campaigns/:id/edit', Page: CampaignComposerPage },
  { pattern: '/campaigns/:id', Page: CampaignPage },
  { pattern: '/imports', Page: ImportPage, nav: { label: 'navImports' } },
  { pattern: '/connections', Page: ConnectionsPage, nav: { label: 'navConnections' } },
  { pattern: '/settings', Page: SettingsPage, nav: { label: 'navSettings' } },
  { pattern: '/consent', Page: ReconfirmationsPage, nav: { coreLabel: 'reconfirm.nav' } },
];
