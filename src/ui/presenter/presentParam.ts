// `?present=1` opens the page in presenter mode (CONTRACTS.md section 6). Only 1 and true switch it
// on: anything else, or an absent parameter, leaves the normal layout.

const ON = new Set(['1', 'true']);

export function presentFromSearch(search: string): boolean {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('present');
  } catch {
    return false;
  }
  return value !== null && ON.has(value.trim().toLowerCase());
}
