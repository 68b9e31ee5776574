/**
 * Splits one CSV record (RFC 4180: comma separated, fields optionally double-quoted, "" for a quote inside a
 * quoted field) into its fields. Returns null when a quoted field is still open at the end of the text, so the
 * caller can append the next physical line (a quoted field may hold a newline).
 *
 * @example
 * splitCsvRecord('a,"b,c",""""'); // ["a", "b,c", '"']
 * splitCsvRecord('a,"open');      // null
 */
export function splitCsvRecord(text: string): string[] | null {
  if (text.indexOf('"') === -1) return text.split(",");
  const fields: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  while (true) {
    if (i < n && text.charCodeAt(i) === 34) {
      // Quoted field: read up to the closing quote, unescaping doubled quotes.
      i++;
      while (true) {
        const quote = text.indexOf('"', i);
        if (quote === -1) return null;
        field += text.slice(i, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      // Text after the closing quote up to the comma is kept, as lenient readers do.
      const comma = text.indexOf(",", i);
      const end = comma === -1 ? n : comma;
      field += text.slice(i, end);
      fields.push(field);
      field = "";
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = text.indexOf(",", i);
      if (comma === -1) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
