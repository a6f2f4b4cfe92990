// Certificates made with the openssl CLI on first start and reused later:
// DIR/ca.pem (what clients trust) and a server certificate it signed for
// IP:127.0.0.1 and DNS:localhost. EC P-256 keys keep generation fast.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function ensureCertificates(dir) {
  const files = {
    ca: path.join(dir, 'ca.pem'),
    caKey: path.join(dir, 'ca-key.pem'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server-key.pem'),
  };
  if (Object.values(files).every((f) => fs.existsSync(f))) return files;

  // Build in a scratch folder and move into place, so a crash never leaves half a set.
  const tmp = fs.mkdtempSync(path.join(dir, '.certs-'));
  try {
    fs.writeFileSync(path.join(tmp, 'server.ext'), [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
      '',
    ].join('\n'));
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca-key.pem'], tmp);
    openssl(['req', '-x509', '-new', '-key', 'ca-key.pem', '-sha256', '-days', '3650', '-subj', '/O=monday ODBC sandbox/CN=monday sandbox local CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem'], tmp);
    openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server-key.pem'], tmp);
    openssl(['req', '-new', '-key', 'server-key.pem', '-subj', '/O=monday ODBC sandbox/CN=localhost', '-out', 'server.csr'], tmp);
    openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-days', '825', '-sha256',
      '-extfile', 'server.ext', '-out', 'server.pem'], tmp);
    for (const name of ['ca-key.pem', 'server-key.pem', 'server.pem', 'ca.pem']) fs.renameSync(path.join(tmp, name), path.join(dir, name));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.chmodSync(files.caKey, 0o600);
  fs.chmodSync(files.key, 0o600);
  return files;
}
