/** Knowledge base: article model, review cadence, full-text search, findability. */
export * from './model';
export * from './review';
export * from './search';
export * from './findability';
export * from './snippet';
