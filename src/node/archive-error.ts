// The error of an archive folder that cannot be used as asked (a missing or damaged file, a
// refused name, a busy lock). Its own module so that the lowest layers (safe-path.ts) can throw
// it without importing the catalog reader.
export class ArchiveError extends Error {
  override name = 'ArchiveError'
}
