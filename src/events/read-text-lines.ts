import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

/**
 * Streams a text file (gunzipped when its name ends in .gz) as batches of lines, without line terminators.
 * Memory stays bounded by the read buffer and one batch, whatever the file size.
 *
 * @example
 * for await (const lines of readTextLines("events.ndjson.gz")) console.log(lines.length);
 */
export async function* readTextLines(path: string, batchSize = 4096): AsyncGenerator<string[]> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  // pipeline() passes a failure of the file (missing, unreadable) on to the gunzip stream being read.
  const input = path.endsWith(".gz") ? pipeline(file, createGunzip(), () => undefined) : file;
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let batch: string[] = [];
  let first = true;
  for await (const chunk of input) {
    let text = carry + decoder.write(chunk as Buffer);
    if (first) {
      // A byte-order mark is not part of the first line.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    let newline = text.indexOf("\n", start);
    while (newline !== -1) {
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      batch.push(text.slice(start, end));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    carry = text.slice(start);
  }
  carry += decoder.end();
  if (carry.length > 0) batch.push(carry.endsWith("\r") ? carry.slice(0, -1) : carry);
  if (batch.length > 0) yield batch;
}
