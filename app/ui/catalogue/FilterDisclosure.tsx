'use client';

import { useEffect, useRef } from 'react';

/** Wide enough for the filters to sit beside the results' first screen (the CSS breakpoint). */
const WIDE = '(min-width: 48rem)';

/**
 * The catalogue's filters behind a "Filters" disclosure, so on a phone the results come first.
 * Open from the server when a filter is set; on a wide screen the browser opens it once loaded.
 */
export function FilterDisclosure({ active, children }: { active: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(WIDE).matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} className="more-filters" open={active > 0 || undefined}>
      <summary>Filters{active > 0 && <span className="badge neutral">{active} set</span>}</summary>
      <div className="filter-grid">{children}</div>
    </details>
  );
}
