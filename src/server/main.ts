#!/usr/bin/env node
// npm run serve -- [--archive DIR] [--host 127.0.0.1] [--port N] [--static DIR] [--index FILE]
//                   [--search-workers N]
// Offers one archive to browsers, read-only. Loopback by default: a reading room that wants
// other machines to connect says so with --host.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bundledArchiveDir } from '../node/paths'
import { BUILD_HINT, DEFAULT_HOST, DEFAULT_PORT, isLoopback, startServer } from './server'

const USAGE = `Usage: npm run serve -- [--archive DIR] [--host HOST] [--port N] [--static DIR] [--index FILE]

  --archive DIR   the archive folder (default: the bundled seeds/)
  --host HOST     interface to listen on (default ${DEFAULT_HOST}; loopback only)
  --port N        port (default ${DEFAULT_PORT}; 0 picks a free one)
  --static DIR    the built renderer (default: out/renderer)
  --index FILE    where the search index is kept (default: DIR/index.bin)
  --search-workers N  threads that answer searches (default 1; 0 = on the event loop)
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
  const running = await startServer({
    archiveDir,
    host,
    port,
    searchWorkers: workers,
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
