import type { OrgRole } from '@/db/enums';

/** How a role reads (pure: server pages and client forms both use it). */
export const ORG_ROLE_LABELS: Record<OrgRole, string> = { owner: 'Owner', member: 'Member' };
