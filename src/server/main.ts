#!/usr/bin/env node
// npm run serve -- [--archive DIR] [--host 127.0.0.1] [--port N] [--static DIR] [--index FILE]
//                   [--search-workers N] [--search opensearch --opensearch-url URL
//                   [--index-prefix P] [--search-config FILE]]
// Offers one archive to browsers, read-only. Loopback by default: a reading room that wants
// other machines to connect says so with --host.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bundledArchiveDir } from '../node/paths'
import { BUILD_HINT, DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from './server'
import { SearchSettingsError } from '../node/search-backend/config'
import { configureSearch } from './search-settings'

const USAGE = `Usage: npm run serve -- [--archive DIR] [--host HOST] [--port N] [--static DIR] [--index FILE]

  --archive DIR   the archive folder (default: the bundled seeds/)
  --host HOST     interface to listen on (default ${DEFAULT_HOST}; loopback only)
  --port N        port (default ${DEFAULT_PORT}; 0 picks a free one)
  --static DIR    the built renderer (default: out/renderer)
  --index FILE    where the search index is kept (default: DIR/index.bin)
  --search-workers N  threads that answer searches (default 1; 0 = on the event loop)
  --search embedded|opensearch   which engine answers searches (default embedded)
  --opensearch-url URL[,URL…]    the OpenSearch cluster's nodes (implies --search opensearch)
  --index-prefix P               the index alias is P + "articles" (default archive-reader-)
  --search-config FILE           the same settings as JSON (see README); the environment
                                 (ARCHIVE_READER_SEARCH, ARCHIVE_READER_OPENSEARCH_URL,
                                 ARCHIVE_READER_OPENSEARCH_USERNAME/_PASSWORD…) also sets them
  --editable      tests and development only: serve DIR as a writable library whose
                  corrections the app may edit (a reading room is read-only)`

async function main(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        archive: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        static: { type: 'string' },
        index: { type: 'string' },
        'search-workers': { type: 'string' },
        search: { type: 'string' },
        'opensearch-url': { type: 'string' },
        'index-prefix': { type: 'string' },
        'search-config': { type: 'string' },
        editable: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (e) {
    process.stderr.write(`serve: ${(e as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`serve: --port expects a number 0–65535, got "${values.port}"\n`)
    return 2
  }
  const workers = values['search-workers'] === undefined ? 1 : Number(values['search-workers'])
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    process.stderr.write(
      `serve: --search-workers expects a number 0–64, got "${values['search-workers']}"\n`,
    )
    return 2
  }
  const archiveDir = resolve(values.archive ?? bundledArchiveDir())
  const host = values.host ?? DEFAULT_HOST
  const log = (m: string): void => void process.stderr.write(`${m}\n`)
  let search
  try {
    search = await configureSearch(
      {
        ...(values.search !== undefined ? { search: values.search } : {}),
        ...(values['opensearch-url'] !== undefined
          ? { opensearchUrl: values['opensearch-url'] }
          : {}),
        ...(values['index-prefix'] !== undefined ? { indexPrefix: values['index-prefix'] } : {}),
        ...(values['search-config'] !== undefined ? { configFile: values['search-config'] } : {}),
      },
      archiveDir,
      log,
    )
  } catch (e) {
    if (!(e instanceof SearchSettingsError)) throw e
    process.stderr.write(`serve: ${e.message}\n`)
    return 2
  }
  if (search.backend) {
    process.stderr.write(
      search.problem
        ? `Searching ${search.described}: not yet possible (see above). Searches answer 503 until it is; /api/status says why.\n`
        : `Searching ${search.described}.\n`,
    )
  }
  const running = await startServer({
    archiveDir,
    host,
    port,
    searchWorkers: workers,
    log,
    ...(search.backend ? { searchBackend: search.backend } : {}),
    ...(values.editable ? { editable: true } : {}),
    ...(values.static ? { staticDir: resolve(values.static) } : {}),
    ...(values.index ? { indexPath: resolve(values.index) } : {}),
  })
  if (!running.hasApp) process.stderr.write(`${BUILD_HINT}\nThe JSON API is served meanwhile.\n`)
  if (values.editable)
    process.stderr.write(
      `Editing is on: the app may write corrections into ${archiveDir} (tests and development only).\n`,
    )
  if (!isLoopback(host)) {
    process.stderr.write(
      `Listening on ${host}: other machines can read this archive (read-only).\n`,
    )
  }
  process.stdout.write(`Archive Reader reading room: ${running.url}  (archive: ${archiveDir})\n`)
  const stop = (): void => {
    void running.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code)
  },
  (e: unknown) => {
    process.stderr.write(`serve: ${(e as Error).message}\n`)
    process.exit(1)
  },
)
