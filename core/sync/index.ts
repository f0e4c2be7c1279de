/** The sync protocol and the server's merge rules, as one entry point for server and console. */
export * from './protocol';
export { MAX_INTAKE_BODY, ticketIntake, type TicketIntake } from './protocol-triage';
export { applyTicketMutation, checkMutation, mergeTags, targetTicketId } from './apply';
export type { ApplyContext, ApplyOutcome } from './apply';
export { applyEntityMutation, entityKey, entityReads, isEntityMutation } from './entity-mutations';
export type {
  EntityKey,
  EntityOutcome,
  EntityRows,
  EntityWrite,
  EntityMutationName,
} from './entity-mutations';
export { planBulk } from './bulk';
export type { BulkAction, BulkPlan, PlannedChange } from './bulk';
export {
  ARCHIVE_SPAN_HEADER,
  archivedChangesFrom,
  CONTACT_SPAN_HEADER,
  contactsCut,
  cutOut,
  endsRun,
  formatArchiveSpan,
  isArchivedChange,
  isContactChange,
  isUnparsedChange,
  pageWithoutContacts,
  parseArchiveSpan,
  splitAtSpan,
  type ArchiveSpan,
} from './archive-span';
export {
  DEFLATE_RUNS_HEADER,
  contactSegmentsCut,
  deflateWithout,
  FINAL_BLOCK,
  formatDeflatedRuns,
  gzipStatedSize,
  parseDeflatedRuns,
  type ByteRange,
  type DeflatedRuns,
} from './deflated-runs';
export {
  detailIn,
  isSlim,
  isTicketDetailChange,
  splitTicketChange,
  TICKET_DETAIL,
  withDetail,
  type SlimTicket,
  type TicketDetail,
} from './ticket-detail';
