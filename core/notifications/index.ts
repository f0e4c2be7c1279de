export type { Me, Notice, NoticeKind, Watch } from './rules';
export { MAX_PER_KIND, MENTION_FRESH_MS, mentionPattern, noticesBetween } from './rules';
export type { BadgeCounts } from './badge';
export { badgeCounts } from './badge';
