import { NotFoundMessage } from '@/app/ui/shell/NotFoundMessage';

// Inside the visitor layout, which already has the (visitor's) header.
export default NotFoundMessage;
