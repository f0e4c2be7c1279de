/**
 * The files the user sent, from the local cache: images shown, text shown as
 * text (never as HTML). Text was redacted on the server; images could not be.
 */
import { useEffect, useMemo } from 'react';
import type { AttachmentInfo } from '../../../../core/telemetry';
import { formatBytes } from './format';

interface Props {
  attachments: readonly AttachmentInfo[];
  files: readonly { index: number; data: ArrayBuffer }[];
}

const TEXT_PREVIEW = 20_000;

export function Attachments({ attachments, files }: Props) {
  const urls = useMemo(
    () =>
      new Map(
        attachments.map((a) => {
          const data = files.find((f) => f.index === a.index)?.data;
          return [a.index, data ? URL.createObjectURL(new Blob([data], { type: a.contentType })) : null];
        }),
      ),
    [attachments, files],
  );
  useEffect(() => () => urls.forEach((u) => u && URL.revokeObjectURL(u)), [urls]);

  if (attachments.length === 0) return <p className="tm-empty">The user attached no files.</p>;
  return (
    <ul className="tm-files" aria-label="Attachments">
      {attachments.map((a) => {
        const url = urls.get(a.index) ?? null;
        const data = files.find((f) => f.index === a.index)?.data;
        const image = a.contentType.startsWith('image/');
        return (
          <li key={a.index} className="tm-file">
            <div className="tm-file-head">
              <strong>{a.name}</strong>
              <span className="muted">
                {a.contentType} · {formatBytes(a.bytes)}
              </span>
              {url && (
                <a className="ghost" href={url} download={a.name}>
                  Download
                </a>
              )}
            </div>
            {image && url && (
              <>
                <img src={url} alt={`Attachment ${a.name}`} className="tm-image" />
                <p className="hint">
                  Images are stored as sent: they may show personal data that could not be redacted.
                </p>
              </>
            )}
            {!image && data && (
              <pre className="tm-text" tabIndex={0} aria-label={`Contents of ${a.name}`}>
                {new TextDecoder().decode(data.slice(0, TEXT_PREVIEW))}
                {data.byteLength > TEXT_PREVIEW ? '\n…' : ''}
              </pre>
            )}
            {!data && <p className="hint">Not downloaded.</p>}
          </li>
        );
      })}
    </ul>
  );
}
