// A long-lived engram process for tests/helpers/cli.ts: runs dist/cli-main.js's main() once per
// request, so a test's command costs milliseconds instead of a Node start-up, in a process of its
// own (better-sqlite3 never runs on a second thread of the test process).
// usage: node cli-server.mjs CLI_MAIN_URL REQUEST_FIFO RESPONSE_FIFO
// Frames both ways: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. Requests are
// { args, env, cwd }; replies { code, stdout, stderr }. The first reply, "ready", is sent before
// any request. The server exits when the test process closes the request FIFO (it ended).
import fs from 'node:fs';
import path from 'node:path';
import { runCaptured } from './cli-capture.mjs';

const [cliMainUrl, requestPath, responsePath] = process.argv.slice(2);
const { main } = await import(cliMainUrl);

const responses = fs.openSync(responsePath, 'w');
const send = (value) => {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  writeAll(Buffer.concat([head, body]));
};
const writeAll = (buffer) => {
  for (let at = 0; at < buffer.length; ) at += fs.writeSync(responses, buffer, at);
};
send('ready');
const requests = fs.openSync(requestPath, 'r');

/** Reads exactly `length` bytes, or returns null at the end of the stream (the test process ended). */
const readExactly = (length) => {
  const buffer = Buffer.alloc(length);
  for (let at = 0; at < length; ) {
    const n = fs.readSync(requests, buffer, at, length - at, null);
    if (n === 0) return null;
    at += n;
  }
  return buffer;
};

for (;;) {
  const head = readExactly(4);
  const body = head && readExactly(head.readUInt32BE(0));
  if (!body) break;
  const request = JSON.parse(body.toString('utf8'));
  // For the runner's own test of a server that dies in the middle of a command.
  if (request.env.ENGRAM_TEST_SERVER_KILL === '1') process.kill(process.pid, 'SIGKILL');
  send(await runCaptured(main, request));
}
process.chdir('/');
fs.rmSync(path.dirname(requestPath), { recursive: true, force: true });
process.exit(0);
