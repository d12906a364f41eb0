import { PlainChrome } from './ui/shell/Chrome';
import { NotFoundMessage } from './ui/shell/NotFoundMessage';

// Unknown addresses, and notFound() where no folder has its own not-found. Only the root layout
// is around this page, so it brings a header — one that does not read the session (see PlainChrome).
export default function NotFound() {
  return (
    <PlainChrome>
      <NotFoundMessage />
    </PlainChrome>
  );
}
