// DIR/requests.jsonl: one JSON line per request of this run (the file is
// emptied at start-up, not by /__sandbox/reset). Written synchronously just
// before the response goes out, so a test that reads the file after getting
// its answer always finds the line. Tokens are never written, only their kind.

import fs from 'node:fs';

export class RequestLog {
  constructor(file) {
    this.file = file;
    this.fd = fs.openSync(file, 'w');
  }

  write(entry) {
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  close() {
    fs.closeSync(this.fd);
  }
}
