#!/usr/bin/env node
// Draws the app icon (a lightning bolt on a rounded dark square) as PNGs, with no
// image library: resources/build/icon.png (512 px, electron-builder derives the
// .ico / .icns / Linux sizes from it), resources/icons/tray.png (32 px) and the
// Windows taskbar overlay dot resources/icons/badge.png.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const BOLT = [
  [0.58, 0.1],
  [0.26, 0.56],
  [0.47, 0.56],
  [0.4, 0.9],
  [0.74, 0.42],
  [0.53, 0.42],
  [0.62, 0.1],
];

function inside([x, y], poly) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function pixel(x, y, size) {
  const r = 0.18; // corner radius, as a share of the side
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  return inside([u, v], BOLT) ? [255, 196, 0, 255] : [15, 17, 21, 255];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The Windows taskbar overlay: a red dot. */
function dot(x, y, size) {
  const u = (x + 0.5) / size - 0.5;
  const v = (y + 0.5) / size - 0.5;
  return u * u + v * v <= 0.25 ? [220, 38, 38, 255] : [0, 0, 0, 0];
}

function png(size, draw = pixel) {
  const ss = 4; // supersampling, for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const p = draw(x * ss + sx, y * ss + sy, size * ss);
          for (let i = 0; i < 3; i++) acc[i] += p[i] * p[3];
          acc[3] += p[3];
        }
      const a = acc[3] / (ss * ss);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [file, size, draw] of [
  ['resources/build/icon.png', 512, pixel],
  ['resources/icons/tray.png', 32, pixel],
  ['resources/icons/tray@2x.png', 64, pixel],
  ['resources/icons/badge.png', 32, dot],
]) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png(size, draw));
  console.log(`${file} (${size}×${size})`);
}
