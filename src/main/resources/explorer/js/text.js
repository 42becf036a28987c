// Web Annotation offsets count code points; JavaScript strings index UTF-16 units. This maps one to the other.
export function codePointIndex(text) {
  const units = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; units.push(u); }
  return (cp) => units[Math.min(cp, units.length - 1)];
}

/** The paragraph (between blank lines) around [start, end) in UTF-16 units. */
export function paragraphAround(text, start, end) {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  return { from: before < 0 ? 0 : before + 2, to: after < 0 ? text.length : after };
}
