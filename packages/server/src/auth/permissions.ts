/**
 * Roles and what each may do. Every route declares one permission (or `'public'`); the HTTP layer
 * and the CLI check it against the caller's role with `can`.
 */
export const ROLES = ['owner', 'marketer', 'analyst', 'privacy'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read aggregates, segments, campaigns, reports and masked customer data. */
  'read',
  /** Create and edit segments (audiences). */
  'audience.write',
  /** Create and edit campaigns. */
  'campaign.write',
  /** Start, pause and send campaigns. */
  'campaign.launch',
  /** Channel, tracker and brand settings. */
  'settings.write',
  /** Import files and run refreshes. */
  'data.import',
  /** See personal data unmasked and export it (with a reason, access-logged). */
  'pii.unmask',
  /** Read and verify the access log. */
  'audit.read',
  /** Add, disable and reset users; issue API tokens for others. */
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route needs: nothing (`'public'`) or one permission. */
export type Access = 'public' | Permission;

/** The permission table (docs/security.md prints it). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  // Story 1: the marketer brings in the week's exports on the import page.
  marketer: ['read', 'audience.write', 'campaign.write', 'campaign.launch', 'data.import'],
  analyst: ['read'],
  privacy: ['read', 'pii.unmask', 'audit.read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** @example can('analyst', 'audience.write') // false */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
