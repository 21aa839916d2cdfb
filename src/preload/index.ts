// Preload (sandboxed, bundled to one CommonJS file): exposes the archive bridge as
// `window.archive` in the page's world. Nothing else crosses, ipcRenderer least of all.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld('archive', createBridge(ipcRenderer))
