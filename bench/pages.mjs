// The bench pages of a data set: DIR/html/*.html[.gz], with their URLs from DIR/ground-truth.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

/**
 * Pages sorted by file name, as { id, url, bytes } (bytes decompressed). `limit`: the first N only;
 * `htm`: also *.htm[.gz] files.
 */
export function loadPages(dir, { limit = 0, htm = false } = {}) {
  const htmlDir = join(dir, 'html');
  if (!existsSync(htmlDir)) throw new Error(`no pages at ${htmlDir} (pass --data DIR with html/*.html.gz)`);
  const truth = existsSync(join(dir, 'ground-truth.json')) ? JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) : {};
  const ext = htm ? /\.html?(\.gz)?$/ : /\.html(\.gz)?$/;
  let files = readdirSync(htmlDir)
    .filter((f) => ext.test(f))
    .sort();
  if (limit) files = files.slice(0, limit);
  return files.map((f) => {
    const raw = readFileSync(join(htmlDir, f));
    const id = f.replace(ext, '');
    return { id, url: truth[id]?.url ?? null, bytes: f.endsWith('.gz') ? gunzipSync(raw) : raw };
  });
}
