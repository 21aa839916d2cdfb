// A search worker of the reading-room server: opens the archive's index (the file the server
// checked or wrote a moment before) and answers searches, one at a time, off the event loop that
// serves everything else.
import { parentPort, workerData } from 'node:worker_threads'
import { errorToData } from '../shared/errors'
import { ArchiveService } from '../node/archive-service'
import { archiveKey } from '../node/archive-dir'
import type { SearchWorkerData, ToPool, ToWorker } from './search-protocol'

const port = parentPort
if (!port) throw new Error('search-worker runs as a worker thread')
const data = workerData as SearchWorkerData
const services = new Map<number, ArchiveService>()
const send = (m: ToPool): void => port.postMessage(m)

port.on('message', (m: ToWorker) => {
  if (m.type === 'open') {
    try {
      const service = ArchiveService.open({
        archiveDir: data.archiveDir,
        indexPath: data.indexPath,
      })
      services.set(m.gen, service)
      send({ type: 'opened', gen: m.gen, key: archiveKey(service.dir, service.catalog) })
    } catch (e) {
      send({ type: 'open-failed', gen: m.gen, message: (e as Error).message })
    }
    return
  }
  if (m.type === 'drop') {
    // Its index's segment files stay open for their postings until it is closed.
    services.get(m.gen)?.close()
    services.delete(m.gen)
    return
  }
  try {
    const service = services.get(m.gen)
    if (!service) throw new Error(`no open archive for snapshot ${m.gen}`)
    send({ type: 'result', id: m.id, response: service.searchSync(m.request) })
  } catch (e) {
    send({ type: 'error', id: m.id, error: errorToData(e) })
  }
})
