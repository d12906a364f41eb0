import { Chrome } from './ui/shell/Chrome';
import { NotFoundMessage } from './ui/shell/NotFoundMessage';

// Unknown addresses, and notFound() where no folder has its own not-found. Only the root layout
// is around this page, so it brings a header — one that does not read the session (mode `browser`).
export default function NotFound() {
  return (
    <Chrome mode="browser">
      <NotFoundMessage />
    </Chrome>
  );
}
