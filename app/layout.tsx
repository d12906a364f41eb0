import type { Metadata } from 'next';
import './globals.css';
import { Footer } from './ui/shell/Footer';
import { Header } from './ui/shell/Header';

export const metadata: Metadata = {
  title: { default: 'Republish Desk', template: '%s · Republish Desk' },
  description: 'License and republish our journalism: instant quotes, clear terms, ready-to-paste copies.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <Header />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <Footer />
      </body>
    </html>
  );
}
