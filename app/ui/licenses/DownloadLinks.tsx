import { DOWNLOAD_FORMATS } from '@/db/enums';
import { FORMAT_LABELS, type DownloadFormat, type Refusal } from '@/lib/licenses/download';
import { PreparedDownload } from './PreparedDownload';

const SHORT: Record<DownloadFormat, string> = {
  html: 'HTML',
  md: 'Markdown',
  txt: 'Text',
  pdf: 'PDF',
  ninjs: 'ninjs',
  zip: 'ZIP',
};

/** Formats built on request (a PDF, a ZIP of every format): they show a busy state while they are prepared. */
const PREPARED: ReadonlySet<DownloadFormat> = new Set(['pdf', 'zip']);

/** The download buttons of a licence, or why there are none right now. */
export function DownloadLinks({
  code,
  refusal,
  compact = false,
}: {
  code: string;
  refusal: Refusal | null;
  compact?: boolean;
}) {
  if (refusal) {
    return compact ? (
      <span className="muted">{shortReason(refusal)}</span>
    ) : (
      <p className={`notice ${refusal.status === 410 ? 'error' : 'warn'}`}>{refusal.reason}</p>
    );
  }
  const formats: readonly DownloadFormat[] = compact ? ['html', 'pdf', 'zip'] : DOWNLOAD_FORMATS;
  return (
    <ul className="nav-list download-links" aria-label={`Downloads for ${code}`}>
      {formats.map((f) => {
        const props = {
          className: `button small${f === 'html' ? '' : ' secondary'}`,
          href: `/api/licenses/${code}/download?format=${f}`,
          label: `Download ${FORMAT_LABELS[f]} of ${code}`,
          text: compact ? SHORT[f] : FORMAT_LABELS[f],
        };
        return (
          <li key={f}>
            {PREPARED.has(f) ? (
              <PreparedDownload {...props} />
            ) : (
              <a className={props.className} href={props.href} aria-label={props.label}>
                {props.text}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function shortReason(r: Refusal): string {
  if (r.status === 402) return 'Awaiting payment';
  if (r.status === 403) return 'Not started yet';
  if (/withdrawn/.test(r.reason)) return 'Take-down requested';
  return 'Downloads stopped';
}
