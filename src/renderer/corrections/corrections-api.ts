// The edit mode's verbs as the renderer uses them: Electron's `window.archiveCorrections` when
// the preload exposes it, otherwise the reading-room server's corrections routes (which say
// editing is off unless the server serves a writable library). Both are built from the
// contract's declaration (never listed here), and fail with the error policy's RemoteError.
import { CORRECTIONS_METHODS } from '../../shared/corrections-contract'
import type {
  CorrectionsApi,
  CorrectionsMethod,
  CorrectionsWireBridge,
} from '../../shared/corrections-contract'
import { correctionsRequest } from '../../shared/corrections-http'
import { unwrapResult } from '../../shared/ipc-result'
import { jsonAnswer } from '../app/api'

function verbs(make: (method: CorrectionsMethod) => unknown): CorrectionsApi {
  const out: Record<string, unknown> = {}
  for (const method of CORRECTIONS_METHODS) out[method] = make(method)
  return out as CorrectionsApi
}

export function correctionsIpcClient(b: CorrectionsWireBridge): CorrectionsApi {
  return verbs((method) => {
    const call = b[method] as (...args: unknown[]) => Promise<unknown>
    return async (...args: unknown[]) => unwrapResult(await call(...args))
  })
}

function httpClient(): CorrectionsApi {
  const request = correctionsRequest as (
    m: CorrectionsMethod,
    ...a: unknown[]
  ) => ReturnType<typeof correctionsRequest>
  return verbs((method) => async (...args: unknown[]) => {
    const r = request(method, ...args)
    const res = await fetch(r.path, {
      method: r.method,
      headers: {
        Accept: 'application/json',
        ...(r.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(r.body !== undefined ? { body: r.body } : {}),
    })
    return jsonAnswer(res)
  })
}

function found(): CorrectionsWireBridge | undefined {
  if (typeof window === 'undefined') return undefined
  return (window as unknown as { archiveCorrections?: CorrectionsWireBridge }).archiveCorrections
}

const bridge = found()
export const correctionsApi: CorrectionsApi = bridge ? correctionsIpcClient(bridge) : httpClient()
