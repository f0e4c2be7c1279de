/** Macros: model, placeholder rendering, the mutations a macro implies, undo, suggestions. */
export * from './model';
export * from './render';
export * from './plan';
export * from './undo';
export * from './suggest';
export * from './prepare';
