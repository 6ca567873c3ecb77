// The calculator's pinned scenarios, as the query of a /compare link (see Comparing/PinStore.cs).
const key = "costcalc-pins";

export function read() {
  try { return localStorage.getItem(key) ?? ""; } catch { return ""; }
}

export function write(query) {
  try { localStorage.setItem(key, query); } catch { }
}
