import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopApi } from './api';

const api: DesktopApi = {
  isDesktop: true,
  serverUrl: () => ipcRenderer.invoke(IPC.serverUrl) as Promise<string>,
  appVersion: () => ipcRenderer.invoke(IPC.appVersion) as Promise<string>,
};

contextBridge.exposeInMainWorld('desktop', api);
