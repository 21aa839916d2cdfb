// Debian's Chromium and the flags it is launched with, shared by the Playwright `web` project and
// scripts/render-icon.ts: no sandbox (containers), no GPU, and nothing that reaches the network.

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
