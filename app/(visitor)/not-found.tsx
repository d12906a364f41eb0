import { NotFoundMessage } from '@/app/ui/shell/NotFoundMessage';

// Inside the visitor layout: the root not-found reads the session, which a cached page must not.
export default NotFoundMessage;
