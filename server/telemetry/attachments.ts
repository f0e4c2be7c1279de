/**
 * Attachments arrive base64-encoded inside the bundle. Each is decoded, sized
 * and checked to be what it says (an image's first bytes must match its type,
 * text must be UTF-8), and text is redacted like the rest of the bundle. Images
 * cannot be redacted (no OCR here): the README says so, and the viewer labels them.
 */
import { redactText, TELEMETRY_LIMITS, type RedactionCounts } from '../../core/telemetry';
import type { TelemetryBundle } from '../../core/telemetry';
import { HttpError } from '../http/errors';

export interface DecodedAttachment {
  index: number;
  name: string;
  contentType: TelemetryBundle['attachments'][number]['contentType'];
  data: Buffer;
}

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) =>
    b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function decodeAttachments(bundle: TelemetryBundle, counts: RedactionCounts): DecodedAttachment[] {
  return bundle.attachments.map((a, index) => {
    const where = `attachments.${index} (${a.name})`;
    const clean = a.dataBase64.replace(/\s+/g, '');
    if (!BASE64.test(clean) || clean.length % 4 === 1)
      throw new HttpError(422, 'invalid_payload', `Invalid bundle: ${where}: dataBase64 is not base64.`);
    let data = Buffer.from(clean, 'base64');
    if (data.length > TELEMETRY_LIMITS.attachmentBytes)
      throw new HttpError(
        413,
        'attachment_too_large',
        `${where} is ${data.length} bytes; an attachment may be at most ${TELEMETRY_LIMITS.attachmentBytes} bytes.`,
      );
    const check = SIGNATURES[a.contentType];
    if (check && !check(data))
      throw new HttpError(422, 'invalid_payload', `Invalid bundle: ${where} is not a ${a.contentType} file.`);
    if (!check) {
      const text = new TextDecoder('utf-8', { fatal: true });
      let decoded: string;
      try {
        decoded = text.decode(data);
      } catch {
        throw new HttpError(422, 'invalid_payload', `Invalid bundle: ${where} is not UTF-8 text.`);
      }
      data = Buffer.from(redactText(decoded, counts), 'utf8');
    }
    return { index, name: a.name, contentType: a.contentType, data };
  });
}
