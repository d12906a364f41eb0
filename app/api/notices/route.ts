// The address the issue and the licence terms name (`/api/notices?since=`): the same feed as
// /api/v1/notices, authorized by the bearer token there.
export { GET } from '../v1/notices/route';
