// @exodus/bytes/encoding.js as src/shared/text/legacy.ts uses it, for tsconfig.shared.json and
// tsconfig.web.json (their `paths` point here). The package's own declarations start with
// `/// <reference types="node" />`, which would put Node's globals (process, Buffer) in scope for
// all of src/shared and the renderer. The same line as the package's own, so that the runtime's
// TextDecoder is the type (types/web-platform.d.ts in src/shared, the DOM's in the renderer);
// tsconfig.node.json checks legacy.ts against the real declarations.
export declare const TextDecoder: typeof globalThis.TextDecoder
