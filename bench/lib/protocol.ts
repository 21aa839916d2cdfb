// How bench children talk to the parent: one line on stdout each. Progress goes to stderr,
// which the parent passes through. Kept free of imports so the cold children load nothing extra.

export const RESULT_PREFIX = '@@result '
export const ANSWERED_PREFIX = '@@answered '

export function sendResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`)
}

/** Sent the moment the first query is answered; the parent timestamps its arrival. */
export function sendAnswered(info: unknown): void {
  process.stdout.write(`${ANSWERED_PREFIX}${JSON.stringify(info)}\n`)
}

export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`)
}
