import { describe, expect, it } from 'vitest';
import { inflate } from './inflate';

const text = 'Zoë’s refund, São Paulo 📦 '.repeat(20_000);
const deflated = async (format: CompressionFormat) =>
  new Uint8Array(
    await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer(),
  );
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('inflate', () => {
  const exact = new TextEncoder().encode(text).length;

  it('gives the same bytes whatever size it was told to expect, and none to spare', async () => {
    const gz = await deflated('gzip');
    for (const size of [exact, null, 0, 10, exact - 1, exact + 1000, 2 ** 31]) {
      const out = await inflate([gz], 'gzip', size);
      expect(decode(out), String(size)).toBe(text);
      expect(out.buffer.byteLength, String(size)).toBe(exact);
    }
  });

  it('inflates parts one after another as one stream', async () => {
    const raw = await deflated('deflate-raw');
    const at = Math.floor(raw.length / 3);
    expect(decode(await inflate([raw.subarray(0, at), raw.subarray(at)], 'deflate-raw', exact))).toBe(text);
  });

  it('rejects a stream that is not what it says or breaks off', async () => {
    const gz = await deflated('gzip');
    await expect(inflate([gz.subarray(0, gz.length - 10)], 'gzip', exact)).rejects.toThrow();
    await expect(inflate([new TextEncoder().encode('not gzip')], 'gzip', exact)).rejects.toThrow();
  });
});
