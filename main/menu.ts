/**
 * The application menu. It lists the console's keyboard shortcuts so they can be
 * discovered; the single-letter ones are shown but not registered with the OS
 * (`registerAccelerator: false`), or typing "j" in a reply would move the queue.
 * Clicking one sends the key to the page, which handles it as if it were typed.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openSettings(): void;
  openWallboard(): void;
  /** Sends a key press to the console window. */
  sendKey(key: string): void;
}

/** Console shortcuts as the renderer handles them (renderer/src/app/use-ticket-shortcuts.ts and the queue). */
export const CONSOLE_SHORTCUTS: readonly { label: string; key: string }[] = [
  { label: 'Next Ticket', key: 'J' },
  { label: 'Previous Ticket', key: 'K' },
  { label: 'Open Ticket', key: 'Enter' },
  { label: 'Close Ticket', key: 'Escape' },
  { label: 'Reply', key: 'R' },
  { label: 'Internal Note', key: 'N' },
  { label: 'Resolve', key: 'S' },
  { label: 'Assign to Me', key: 'A' },
  { label: 'Search Queue', key: '/' },
];

export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  return [
    ...(mac
      ? [
          {
            label: 'Spark Console',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        ...(mac ? [] : [settings, { type: 'separator' } as const]),
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', role: 'editMenu' },
    {
      label: '&Ticket',
      submenu: CONSOLE_SHORTCUTS.map(({ label, key }) => ({
        label,
        accelerator: key === '/' ? 'Slash' : key === 'Escape' ? 'Esc' : key,
        registerAccelerator: false,
        click: () => actions.sendKey(key),
      })),
    },
    {
      label: '&View',
      submenu: [
        { label: 'Open Wallboard', accelerator: 'CmdOrCtrl+Shift+W', click: () => actions.openWallboard() },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Window', role: 'windowMenu' },
    ...(mac ? [] : [{ label: '&Help', submenu: [{ role: 'about' }] } satisfies MenuItemConstructorOptions]),
  ];
}
