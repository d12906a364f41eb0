// The address the issue names (`/api/licenses/{code}/export?cursor=`): the same export as
// /api/v1/licenses/{code}/export, authorized by the bearer token there.
export { GET } from '../../../v1/licenses/[code]/export/route';

export const dynamic = 'force-dynamic';
