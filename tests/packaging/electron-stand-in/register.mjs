// `node --import ./register.mjs …`: installs hooks.mjs (electron → the stand-in).
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
