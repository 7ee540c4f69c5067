// Starting `faultline serve` in tests: the URL it prints once it listens.
import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the base URL a spawned `serve` prints ("... at http://127.0.0.1:PORT/ ..."), with its
 * whole standard output so far; rejects when it exits first or prints none within 30 s.
 */
export function servedUrl(child: ChildProcess): Promise<{ url: string; out: string }> {
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s; stderr: ${err}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited ${code}; stderr: ${err}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /at (http:\/\/\S+)\/ /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], out });
      }
    });
  });
}
