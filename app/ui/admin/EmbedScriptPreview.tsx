'use client';

import { useEffect, useRef } from 'react';

/** Runs the real embed.js for one address, as a publisher's page would (a script React leaves alone). */
export function EmbedScriptPreview({ url }: { url: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const script = document.createElement('script');
    script.src = '/embed.js';
    script.async = true;
    script.dataset.url = url;
    host.replaceChildren(script);
    return () => host.replaceChildren();
  }, [url]);
  return <div ref={ref} data-testid="embed-script-preview" />;
}
