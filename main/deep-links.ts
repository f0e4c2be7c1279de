/**
 * Deep links: `spark-console://ticket/SD-10234` opens that ticket in the console.
 * They arrive as a process argument (Windows, Linux: the OS starts the app, or a
 * second instance forwards its argv) or through `open-url` (macOS). The URL comes
 * from outside the app, so it is parsed strictly and anything else is ignored.
 */
import { TICKET_REF } from '../preload/api';

export const DEEP_LINK_SCHEME = 'spark-console';

export type DeepLink = { kind: 'ticket'; ref: string };

export function parseDeepLink(raw: string): DeepLink | null {
  if (raw.length > 200) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // spark-console://ticket/SD-1 parses with host "ticket"; spark-console:ticket/SD-1 with no host.
  const path = `${url.host}${url.pathname}`.replace(/^\/+|\/+$/g, '');
  const [kind, ref, ...rest] = path.split('/');
  if (kind !== 'ticket' || ref === undefined || rest.length > 0) return null;
  const normalised = decodeURIComponent(ref).toUpperCase();
  return TICKET_REF.test(normalised) ? { kind: 'ticket', ref: normalised } : null;
}

/** The first deep link among process arguments (the OS appends it to the command line). */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
