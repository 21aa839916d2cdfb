// electron-vite's import suffixes (`?nodeWorker`) and ELECTRON_RENDERER_URL.
/// <reference types="electron-vite/node" />
