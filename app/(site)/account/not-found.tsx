import { NotFoundMessage } from '@/app/ui/shell/NotFoundMessage';

// Inside the folder's layout, which already has the header.
export default NotFoundMessage;
