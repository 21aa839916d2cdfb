// SQLite FTS5 with the trigram tokenizer, through better-sqlite3 12, in a file database (the
// form an app would ship). A word of three or more characters is a quoted trigram phrase in one
// MATCH expression; a shorter word cannot be a trigram and falls back to LIKE, which FTS5 cannot
// narrow: the trigram tokenizer's documented limit, and the cost two-character Chinese words pay.
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Peer, PeerIndex } from './peer'
import { loadPeerPackage } from './peer'

interface Statement {
  run(...params: unknown[]): unknown
  pluck(): Statement
  all(...params: unknown[]): unknown[]
}
interface Database {
  exec(sql: string): void
  pragma(sql: string): unknown
  prepare(sql: string): Statement
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
  close(): void
}
type DatabaseCtor = new (file: string, options?: { readonly?: boolean }) => Database

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)
const phrase = (s: string): string => `"${s.replace(/"/g, '""')}"`

/** The SQL of a query and its parameters. */
function sqlOf(terms: readonly string[]): { sql: string; params: string[] } {
  const long = terms.filter((t) => t.length >= 3)
  const short = terms.filter((t) => t.length < 3)
  const where: string[] = []
  const params: string[] = []
  if (long.length) {
    where.push('t MATCH ?')
    params.push(long.map(phrase).join(' AND '))
  }
  for (const t of short) {
    where.push("body LIKE ? ESCAPE '\\'")
    params.push(`%${likeEscape(t)}%`)
  }
  return { sql: `SELECT rowid - 1 FROM t WHERE ${where.join(' AND ')} ORDER BY rowid`, params }
}

export const sqlitePeer: Peer = {
  name: 'SQLite FTS5',
  setup: 'trigram tokenizer, file db; words < 3 chars by LIKE',
  build(texts, scratchDir): PeerIndex {
    const Database = loadPeerPackage('better-sqlite3') as DatabaseCtor
    const file = join(scratchDir, 'fts5-trigram.db')
    rmSync(file, { force: true })
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'trigram')")
    const insert = db.prepare('INSERT INTO t(rowid, body) VALUES (?, ?)')
    db.transaction(() => texts.forEach((text, d) => insert.run(d + 1, text)))()
    db.exec("INSERT INTO t(t) VALUES ('optimize')")
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const diskBytes = statSync(file).size
    // Reopened read-only, as an app opens its shipped archive; the first query is part of it.
    const t = performance.now()
    const ro = new Database(file, { readonly: true })
    const cache = new Map<string, Statement>()
    const find = (terms: readonly string[]): number[] => {
      const { sql, params } = sqlOf(terms)
      let st = cache.get(sql)
      if (!st) cache.set(sql, (st = ro.prepare(sql).pluck()))
      // LIKE folds ASCII case; the normalized texts are already lower-case, so it is exact.
      return st.all(...params) as number[]
    }
    find(['的'])
    const reopenMs = performance.now() - t
    return { find, diskBytes, reopenMs, notes: [] }
  },
}
