/** The wallboard's metrics engine: incremental, pure, run in a Web Worker by the renderer. */
export * from './days';
export * from './model';
export * from './engine';
export * from './feed';
