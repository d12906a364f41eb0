import Link from 'next/link';
import { getSetting } from '@/lib/settings';

export async function Footer() {
  const publisher = getSetting('publisherName');
  return (
    <footer className="site-footer">
      <div className="container footer-row">
        <p>The licensing desk of {publisher}. Articles may be republished only under a licence issued here.</p>
        <ul className="nav-list">
          <li>
            <Link href="/articles">Catalogue</Link>
          </li>
          <li>
            <Link href="/licenses">Verify a licence</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
