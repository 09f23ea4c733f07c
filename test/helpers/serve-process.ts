// `gleaner serve` as a real child process: waits for the line with the URL to open, and splits that
// URL into the server's root and the token it holds (when the server made one up).
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from './build.js';

export interface Served {
  child: ChildProcess;
  /** The URL as printed, e.g. http://127.0.0.1:41234/?token=… */
  printed: string;
  /** The server's root, without the token: http://127.0.0.1:41234/ */
  url: string;
  /** The token from the printed URL; null when the server printed none (a configured token). */
  token: string | null;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

export function serveProcess(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gleaner.js'), 'serve', '--port', '0', ...args], { env, cwd: REPO_ROOT });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s; stderr: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        const printed = new URL(m[1]);
        const token = printed.searchParams.get('token');
        resolve({ child, printed: m[1], url: `${printed.origin}/`, token, stdout: () => out, stderr: () => err, exit });
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL; stderr: ${err}`));
    });
  });
}

/** A GET with a Host header of our choosing (fetch() does not let a caller set Host). */
export function getWithHost(
  url: string,
  host: string | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: 'GET',
        headers: { ...headers, ...(host === null ? {} : { host }) },
        setHost: host !== null,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
