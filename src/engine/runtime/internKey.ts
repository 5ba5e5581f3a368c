// Keys are looked up by content in Maps on every record (key groups, keyed state). JavaScript
// engines compare two distinct strings of equal content character by character, but one string
// object with itself at once. A key used as an object's property name is kept once per process
// (V8's string table): taking it back from there gives every run the same string object for the
// same text, so a lookup finds its entry by identity. The text never changes.

/** The same text as `key`, as the process-wide shared string of that text. */
export function internKey(key: string): string {
  // a computed name defines an own property even for "__proto__"
  return Object.keys({ [key]: 0 })[0];
}
