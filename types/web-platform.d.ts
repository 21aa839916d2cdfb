// The web-platform APIs src/shared uses that every runtime it runs in has (browsers, Node,
// workers): the common minimum, declared here so that src/shared type-checks with neither DOM nor
// Node types. Only tsconfig.shared.json includes this file; the renderer gets these from the DOM
// library and Node code from @types/node. Add a member here only if all of them have it.

interface TextDecodeOptions {
  stream?: boolean
}

interface TextDecoderOptions {
  fatal?: boolean
  ignoreBOM?: boolean
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions)
  readonly encoding: string
  readonly fatal: boolean
  readonly ignoreBOM: boolean
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string
}

declare class TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array
}

declare class URLSearchParams implements Iterable<[string, string]> {
  constructor(init?: string | Record<string, string> | Iterable<[string, string]>)
  readonly size: number
  append(name: string, value: string): void
  delete(name: string, value?: string): void
  get(name: string): string | null
  getAll(name: string): string[]
  has(name: string, value?: string): boolean
  set(name: string, value: string): void
  sort(): void
  toString(): string
  entries(): IterableIterator<[string, string]>
  keys(): IterableIterator<string>
  values(): IterableIterator<string>
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void
  [Symbol.iterator](): IterableIterator<[string, string]>
}

declare const performance: { now(): number }
