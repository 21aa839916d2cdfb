// Messages from the index worker to the main thread, and the promise that waits for them.
import type { Worker } from 'node:worker_threads'
import type { IndexStatus } from '../shared/types'

export type IndexWorkerMessage =
  | { type: 'progress'; status: IndexStatus }
  | { type: 'log'; message: string }
  | { type: 'done'; written: boolean }
  | { type: 'error'; message: string }

/** Resolves when the worker has built (and, if it could, written) the index. */
export function awaitIndexWorker(
  worker: Worker,
  onProgress: (status: IndexStatus) => void,
  log: (message: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (error?: Error): void => {
      if (settled) return
      settled = true
      if (error) reject(error)
      else resolve()
    }
    worker.on('message', (m: IndexWorkerMessage) => {
      if (m.type === 'progress') onProgress(m.status)
      else if (m.type === 'log') log(m.message)
      else if (m.type === 'done') {
        if (!m.written) log('The index built in the background could not be saved.')
        settle()
      } else settle(new Error(m.message))
    })
    worker.on('error', (e) => settle(e))
    worker.on('exit', (code) =>
      settle(code === 0 ? undefined : new Error(`index worker exited with ${code}`)),
    )
  })
}
