// Preload (sandboxed, bundled to one CommonJS file): exposes the archive bridge as
// `window.archive`, the in-app import as `window.archiveImport` and the edit mode's verbs as
// `window.archiveCorrections` in the page's world. Nothing else crosses, ipcRenderer least of all.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'
import { createCorrectionsBridge } from './corrections-bridge'
import { createImportBridge } from './import-bridge'

contextBridge.exposeInMainWorld('archive', createBridge(ipcRenderer))
contextBridge.exposeInMainWorld('archiveImport', createImportBridge(ipcRenderer))
contextBridge.exposeInMainWorld('archiveCorrections', createCorrectionsBridge(ipcRenderer))
