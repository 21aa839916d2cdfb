// opencc-js ships its dictionaries as ES modules exporting one "from to|from to" string each,
// but declares no types for those paths.
declare module 'opencc-js/dict/*' {
  const dict: string
  export default dict
}
