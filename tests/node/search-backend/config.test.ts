// The reading room's search settings (src/node/search-backend/config.ts): precedence of options
// over environment over the config file, a specific message for each bad setting, and no password
// in anything that describes the settings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  describeSearchSettings,
  resolveSearchSettings,
  SearchSettingsError,
} from '../../../src/node/search-backend/config'

const dirs: string[] = []
function configFile(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-config-'))
  dirs.push(dir)
  const path = join(dir, 'search.json')
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json))
  return path
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const problem = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(SearchSettingsError)
    return (e as Error).message
  }
  throw new Error('expected a SearchSettingsError')
}

describe('resolveSearchSettings', () => {
  it('is the embedded engine when nothing is set', () => {
    expect(resolveSearchSettings({}, {})).toEqual({ search: 'embedded' })
  })

  it('an OpenSearch URL alone implies the OpenSearch backend, with the default prefix', () => {
    const s = resolveSearchSettings({ opensearchUrl: 'http://a:9200, http://b:9200' }, {})
    expect(s).toEqual({
      search: 'opensearch',
      opensearch: { urls: ['http://a:9200', 'http://b:9200'], indexPrefix: 'archive-reader-' },
    })
  })

  it('options beat the environment, which beats the file', () => {
    const file = configFile({
      search: 'opensearch',
      opensearch: { url: 'http://file:9200', indexPrefix: 'file-', requestTimeoutMs: 5000 },
    })
    const env = {
      ARCHIVE_READER_OPENSEARCH_URL: 'http://env:9200',
      ARCHIVE_READER_INDEX_PREFIX: 'env-',
    }
    const fromEnv = resolveSearchSettings({ configFile: file }, env)
    expect(fromEnv).toEqual({
      search: 'opensearch',
      opensearch: { urls: ['http://env:9200'], indexPrefix: 'env-', requestTimeoutMs: 5000 },
    })
    const fromOptions = resolveSearchSettings(
      { configFile: file, opensearchUrl: 'http://opt:9200', indexPrefix: 'opt-' },
      env,
    )
    expect(fromOptions.search === 'opensearch' && fromOptions.opensearch.urls).toEqual([
      'http://opt:9200',
    ])
    expect(fromOptions.search === 'opensearch' && fromOptions.opensearch.indexPrefix).toBe('opt-')
    // The file is found through the environment too, and --search embedded wins over it.
    const viaEnv = resolveSearchSettings({}, { ARCHIVE_READER_SEARCH_CONFIG: file })
    expect(viaEnv.search).toBe('opensearch')
    expect(
      resolveSearchSettings({ search: 'embedded' }, { ARCHIVE_READER_SEARCH_CONFIG: file }),
    ).toEqual({ search: 'embedded' })
  })

  it('credentials come from the environment or the file', () => {
    const file = configFile({ opensearch: { url: 'http://h:1', username: 'f', password: 'pf' } })
    const s = resolveSearchSettings(
      { search: 'opensearch', configFile: file },
      { ARCHIVE_READER_OPENSEARCH_PASSWORD: 'pe' },
    )
    expect(s.search === 'opensearch' && s.opensearch).toMatchObject({
      username: 'f',
      password: 'pe',
    })
  })

  it('each bad setting is refused with a message that names it', () => {
    expect(problem(() => resolveSearchSettings({ search: 'lucene' }, {}))).toMatch(
      /--search expects "embedded" or "opensearch", got "lucene"/,
    )
    expect(problem(() => resolveSearchSettings({ search: 'opensearch' }, {}))).toMatch(
      /needs the cluster: --opensearch-url/,
    )
    expect(
      problem(() =>
        resolveSearchSettings({ opensearchUrl: 'http://h:1', indexPrefix: 'Bad/' }, {}),
      ),
    ).toMatch(/--index-prefix must be lowercase/)
    expect(problem(() => resolveSearchSettings({ opensearchUrl: 'not a url' }, {}))).toMatch(
      /--opensearch-url: not a URL/,
    )
    expect(
      problem(() =>
        resolveSearchSettings(
          { opensearchUrl: 'http://h:1' },
          { ARCHIVE_READER_OPENSEARCH_TIMEOUT_MS: '5' },
        ),
      ),
    ).toMatch(/ARCHIVE_READER_OPENSEARCH_TIMEOUT_MS expects milliseconds ≥ 100, got "5"/)
  })

  it('a config file that is not JSON, or has unknown or mistyped keys, is refused by name', () => {
    const notJson = configFile('{ search: ')
    expect(problem(() => resolveSearchSettings({ configFile: notJson }, {}))).toContain(
      `search config ${notJson}: cannot be read as JSON`,
    )
    const unknownKey = configFile({ search: 'opensearch', opensearch: { urls: 'http://h:1' } })
    expect(problem(() => resolveSearchSettings({ configFile: unknownKey }, {}))).toContain(
      `search config ${unknownKey}:`,
    )
    const badTimeout = configFile({ opensearch: { url: 'http://h:1', requestTimeoutMs: 'soon' } })
    expect(problem(() => resolveSearchSettings({ configFile: badTimeout }, {}))).toContain(
      `search config ${badTimeout}:`,
    )
    const missing = join(tmpdir(), 'no-such-search-config.json')
    expect(problem(() => resolveSearchSettings({ configFile: missing }, {}))).toContain(missing)
  })
})

describe('describeSearchSettings', () => {
  it('never prints a password, from the settings or inside a URL', () => {
    const s = resolveSearchSettings(
      { opensearchUrl: 'https://admin:s3cret-pw@cluster.example:9200' },
      {
        ARCHIVE_READER_OPENSEARCH_USERNAME: 'reader',
        ARCHIVE_READER_OPENSEARCH_PASSWORD: 'hunter2',
      },
    )
    const text = describeSearchSettings(s)
    expect(text).not.toContain('s3cret-pw')
    expect(text).not.toContain('hunter2')
    expect(text).toContain('cluster.example:9200')
    expect(text).toContain('user reader')
    expect(text).toContain('password set')
    expect(describeSearchSettings({ search: 'embedded' })).toBe('embedded engine')
  })

  it('a bad URL is quoted without its password', () => {
    const message = problem(() =>
      resolveSearchSettings({ opensearchUrl: 'http://u:topsecret@ host' }, {}),
    )
    expect(message).not.toContain('topsecret')
  })
})
