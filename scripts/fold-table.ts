// `npm run fold:table`: writes the fold table (src/shared/text/fold-data.ts) from opencc-js.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deriveFoldTable, foldDataSource } from './fold-derive'

const file = join(import.meta.dirname, '..', 'src', 'shared', 'text', 'fold-data.ts')
writeFileSync(file, foldDataSource(deriveFoldTable()))
process.stdout.write(`wrote ${file}\n`)
