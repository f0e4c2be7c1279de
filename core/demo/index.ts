/**
 * Deterministic demo workspace generator for Spark Drive.
 *
 *   const demo = generateWorkspace({ seed: 42, tickets: 5000, now: Date.now(), sources });
 *
 * `sources` is the parsed content of resources/demo/*.json (see DemoSources and
 * `demoSourcesSchema`). Pure: no I/O; the same options give the same output.
 * For large volumes use `createDemoWorld` + `generateTicketChunks` (or
 * `generateTicket` for one ticket): ticket n is identical either way.
 */
export type { DemoWorkspace, GeneratedTicket, TicketBatch } from './generate';
export { generateTicket, generateTicketChunks, generateWorkspace } from './generate';
export type { DemoOptions, DemoWorld } from './world';
export { DEMO_WORKSPACE, FIRST_TICKET_NUMBER, SYSTEM_ACTOR_ID, createDemoWorld } from './world';
export {
  CUSTOMER_TIER_SHARE,
  DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_ID,
  DEMO_AGENT_EMAIL,
  DEMO_AGENT_ID,
  DEMO_SUPERVISOR_EMAIL,
  DEMO_SUPERVISOR_ID,
  DEMO_USER_EMAILS,
} from './people';
export type { AbcdKb, BitextTexts, DemoSources } from './sources';
export { DEMO_SOURCE_FILES, abcdKbSchema, bitextTextsSchema, demoSourcesSchema } from './sources';
export { Rng, hashSeed, rngFor } from './random';
