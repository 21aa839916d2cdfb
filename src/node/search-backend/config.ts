// Which engine the reading room searches with, from (strongest first) command-line options,
// environment variables and a JSON config file. A password belongs in the environment or the
// file (or the URL), never in a log: every description of the settings is redacted.
//
//   --search embedded|opensearch         ARCHIVE_READER_SEARCH
//   --opensearch-url URL[,URL…]          ARCHIVE_READER_OPENSEARCH_URL
//   --index-prefix P                     ARCHIVE_READER_INDEX_PREFIX
//   --search-config FILE                 ARCHIVE_READER_SEARCH_CONFIG
//                                        ARCHIVE_READER_OPENSEARCH_USERNAME / _PASSWORD
//                                        ARCHIVE_READER_OPENSEARCH_TIMEOUT_MS
//   file: {"search":"opensearch","opensearch":{"url":"…"|["…"],"indexPrefix":"…",
//          "username":"…","password":"…","requestTimeoutMs":10000}}
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { describeZodError } from '../../shared/zod-problems'
import type { OpenSearchConfig } from './opensearch/connection'
import { describeCluster } from './opensearch/connection'
import { checkPrefix, DEFAULT_INDEX_PREFIX } from './opensearch/mapping'

export type SearchSettings =
  { search: 'embedded' } | { search: 'opensearch'; opensearch: OpenSearchConfig }

export interface SearchSettingsInput {
  search?: string
  opensearchUrl?: string
  indexPrefix?: string
  configFile?: string
}

const fileSchema = z
  .object({
    search: z.enum(['embedded', 'opensearch']).optional(),
    opensearch: z
      .object({
        url: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
        indexPrefix: z.string().optional(),
        username: z.string().optional(),
        password: z.string().optional(),
        requestTimeoutMs: z.number().int().min(100).max(600_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

/** Bad settings: the message says which setting and what it expects. */
export class SearchSettingsError extends Error {}

function readFile(path: string): z.infer<typeof fileSchema> {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new SearchSettingsError(
      `search config ${path}: cannot be read as JSON (${(e as Error).message})`,
    )
  }
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success)
    throw new SearchSettingsError(`search config ${path}: ${describeZodError(parsed.error)}`)
  return parsed.data
}

const urlList = (v: string | string[]): string[] =>
  (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)

export function resolveSearchSettings(
  input: SearchSettingsInput,
  env: NodeJS.ProcessEnv = process.env,
): SearchSettings {
  const configFile = input.configFile ?? env.ARCHIVE_READER_SEARCH_CONFIG
  const file = configFile ? readFile(configFile) : {}
  const urlValue = input.opensearchUrl ?? env.ARCHIVE_READER_OPENSEARCH_URL ?? file.opensearch?.url
  const search =
    input.search ??
    env.ARCHIVE_READER_SEARCH ??
    file.search ??
    (input.opensearchUrl ? 'opensearch' : 'embedded')
  if (search === 'embedded') return { search: 'embedded' }
  if (search !== 'opensearch')
    throw new SearchSettingsError(
      `--search expects "embedded" or "opensearch", got "${search.slice(0, 40)}"`,
    )
  const urls = urlValue ? urlList(urlValue) : []
  if (urls.length === 0)
    throw new SearchSettingsError(
      '--search opensearch needs the cluster: --opensearch-url URL (or ARCHIVE_READER_OPENSEARCH_URL, or "url" in the search config file)',
    )
  const indexPrefix =
    input.indexPrefix ??
    env.ARCHIVE_READER_INDEX_PREFIX ??
    file.opensearch?.indexPrefix ??
    DEFAULT_INDEX_PREFIX
  const bad = checkPrefix(indexPrefix)
  if (bad) throw new SearchSettingsError(bad)
  const username = env.ARCHIVE_READER_OPENSEARCH_USERNAME ?? file.opensearch?.username
  const password = env.ARCHIVE_READER_OPENSEARCH_PASSWORD ?? file.opensearch?.password
  const timeoutText = env.ARCHIVE_READER_OPENSEARCH_TIMEOUT_MS
  const timeout =
    timeoutText !== undefined ? Number(timeoutText) : file.opensearch?.requestTimeoutMs
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 100))
    throw new SearchSettingsError(
      `ARCHIVE_READER_OPENSEARCH_TIMEOUT_MS expects milliseconds ≥ 100, got "${timeoutText}"`,
    )
  for (const url of urls) {
    try {
      new URL(url)
    } catch {
      throw new SearchSettingsError(
        `--opensearch-url: not a URL: "${url.replace(/:[^/@]*@/, ':***@').slice(0, 100)}"`,
      )
    }
  }
  return {
    search: 'opensearch',
    opensearch: {
      urls,
      indexPrefix,
      ...(username !== undefined ? { username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(timeout !== undefined ? { requestTimeoutMs: timeout } : {}),
    },
  }
}

/** The settings as they may be printed: no password, from the URL or elsewhere. */
export function describeSearchSettings(s: SearchSettings): string {
  if (s.search === 'embedded') return 'embedded engine'
  const o = s.opensearch
  return `OpenSearch ${describeCluster(o)} (alias ${o.indexPrefix}articles${o.username ? `, user ${o.username}` : ''}${o.password !== undefined ? ', password set' : ''})`
}
