// Bench child that does nothing: the cost of starting the runtime (node, the bundled module)
// alone, the floor under both cold measurements.
import { sendAnswered, sendResult } from '../lib/protocol'
import type { NoopResult } from '../lib/results'

const importedMs = performance.now()
sendAnswered({})
const result: NoopResult = { importedMs }
sendResult(result)
