/**
 * A small PNG drawn in code for the demo bundles: a phone screen with an app
 * bar, a few content rows and a red error dialog. No image files to ship, and
 * a real PNG, so the intake's signature check and the viewer's preview see one.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function demoScreenshotPng(width = 180, height = 320): Buffer {
  const pixel = (x: number, y: number): Rgb => {
    if (y < 36) return [59, 91, 219]; // app bar
    const inDialog = x >= 18 && x < width - 18 && y >= 120 && y < 210;
    if (inDialog) {
      if (y < 136) return [201, 42, 42]; // dialog title bar
      if (y >= 186 && y < 200 && x >= width - 80 && x < width - 28) return [59, 91, 219]; // OK button
      if ((y >= 148 && y < 154) || (y >= 162 && y < 168))
        return x < width - 50 ? [120, 120, 120] : [255, 255, 255];
      return [255, 255, 255];
    }
    const dim = 0.55; // the screen behind the dialog is dimmed
    const row = Math.floor((y - 48) / 40);
    const base: Rgb =
      y >= 48 && (y - 48) % 40 < 28 && row < 7
        ? x < 40 && x >= 12
          ? [180, 190, 210]
          : [232, 235, 240]
        : [246, 247, 249];
    return base.map((c) => Math.round(c * dim)) as Rgb;
  };
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const off = y * (width * 3 + 1);
    raw[off] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[off + 1 + x * 3] = r;
      raw[off + 2 + x * 3] = g;
      raw[off + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
