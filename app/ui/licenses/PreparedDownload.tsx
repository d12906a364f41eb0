'use client';

import { useState } from 'react';

/**
 * A download that takes a moment to prepare (the PDF certificate, the ZIP of every format): the
 * link fetches the file itself, says "Preparing…" and is disabled until the file is handed to the
 * browser, instead of a click that seems to do nothing. Without JavaScript it is a plain link.
 */
export function PreparedDownload({
  href,
  label,
  text,
  className,
}: {
  href: string;
  label: string;
  text: string;
  className: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window: the browser's own way
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setError(body?.error ?? 'The download failed. Please try again.');
        return;
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filenameOf(res.headers.get('Content-Disposition')) ?? '';
      document.body.append(a);
      a.click();
      a.remove();
      // The browser has taken the file once the click has run; free the memory a little later.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError('The download failed. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <a
        className={`${className}${busy ? ' is-busy' : ''}`}
        href={href}
        aria-label={label}
        aria-busy={busy || undefined}
        aria-disabled={busy || undefined}
        onClick={download}
      >
        {busy ? 'Preparing…' : text}
      </a>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

function filenameOf(disposition: string | null): string | null {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m ? m[1] : null;
}
