// A stand-in for a service that records the name of every method called on it, then calls
// the real one: the hostile-input tests prove with it that a refused call never reached the
// archive or the import controller.
export function recordingProxy<T extends object>(target: T, reached: string[]): T {
  return new Proxy(target, {
    get(t, name, receiver) {
      const value = Reflect.get(t, name, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        reached.push(String(name))
        return (value as (...a: unknown[]) => unknown).apply(t, args)
      }
    },
  })
}
