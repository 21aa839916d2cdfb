// The CLI's usage text: the commands the contract declares (their lines derived from it, with
// their presenters' options) between the fixed head and the librarian's commands.
import { archiveContract } from '../shared/contract'
import { USAGE_HEAD, USAGE_TAIL } from './args'
import { PRESENTERS } from './format'
import { verbUsage } from './verbs'

export const USAGE = `${USAGE_HEAD}${verbUsage(archiveContract, PRESENTERS)}\n${USAGE_TAIL}`
