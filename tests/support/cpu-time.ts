// Bounds that catch a hang or a blow-up are held in this process's CPU time, not wall time: a
// runaway path burns CPU, while a 2-core machine busy with other jobs only stretches the wall
// clock (a wall-clock bound failed at 2,026 ms under load on a linear call). Vitest runs each
// file in its own process (the forks pool), so no other test file is counted.

/** Starts a CPU clock; the function returned gives the CPU milliseconds used since. */
export function cpuClock(): () => number {
  const t0 = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(t0)
    return (used.user + used.system) / 1000
  }
}
