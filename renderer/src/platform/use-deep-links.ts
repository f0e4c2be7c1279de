import { useEffect, useRef } from 'react';
import { desktop } from './desktop';

/**
 * Opens tickets asked for from outside the page: `spark-console://ticket/SD-10234`
 * links and clicks on desktop notifications. `open` receives the ticket ref.
 * A link that arrived before the console was listening is picked up on mount.
 */
export function useDeepLinks(open: (ticketRef: string) => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  }, [open]);
  useEffect(() => {
    const bridge = desktop();
    if (!bridge) return;
    let live = true;
    const take = () =>
      void bridge.takePendingTicket().then((ref) => {
        if (live && ref) latest.current(ref);
      });
    take();
    // The event carries the ref; taking it as well clears main's pending copy.
    const off = bridge.onOpenTicket(() => take());
    return () => {
      live = false;
      off();
    };
  }, []);
}
