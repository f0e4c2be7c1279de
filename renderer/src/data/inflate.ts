/** Gzip bytes to their text, with the platform's own inflater (DecompressionStream: no library). */
export async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
