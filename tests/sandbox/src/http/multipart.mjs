// A small multipart/form-data parser (uploads are small; the whole body is in memory).

export function boundaryOf(contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  return m ? (m[1] || m[2]).trim() : null;
}

export function parseMultipart(body, boundary) {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body has no boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.slice(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.slice(pos, pos + 2).toString() === '\r\n') pos += 2;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw new Error('multipart body is truncated');
    let chunk = body.slice(pos, next);
    if (chunk.slice(-2).toString() === '\r\n') chunk = chunk.slice(0, -2);
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part has no header block');
    const headerText = chunk.slice(0, split).toString('utf8');
    const data = chunk.slice(split + 4);
    const headers = {};
    for (const line of headerText.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    const cd = headers['content-disposition'] || '';
    const name = (/\bname="([^"]*)"/i.exec(cd) || [])[1];
    const filename = (/\bfilename="([^"]*)"/i.exec(cd) || [])[1];
    parts.push({ name, filename: filename ?? null, contentType: headers['content-type'] || null, data });
    pos = next;
  }
  return parts;
}

// Both upload forms become one GraphQL request:
//  * monday's classic form: a `query` part (and optionally `variables`) plus
//    file parts named `variables[NAME]`;
//  * the GraphQL multipart request spec: `operations` (or `query` +
//    `variables`), a `map` of part name -> ["variables.NAME", ...], and the parts.
export function graphqlFromMultipart(parts) {
  const field = (name) => {
    const p = parts.find((x) => x.name === name && x.filename == null);
    return p ? p.data.toString('utf8') : null;
  };
  const fileOf = (p) => ({ filename: p.filename || p.name, mimetype: p.contentType || 'application/octet-stream', size: p.data.length, buffer: p.data });
  let request;
  if (field('operations')) request = JSON.parse(field('operations'));
  else {
    const vars = field('variables');
    request = { query: field('query'), variables: vars ? JSON.parse(vars) : {}, operationName: field('operationName') || undefined };
  }
  request.variables = request.variables || {};
  const map = field('map') ? JSON.parse(field('map')) : null;
  if (map) {
    for (const [partName, targets] of Object.entries(map)) {
      const part = parts.find((x) => x.name === partName);
      if (!part) continue;
      for (const target of targets) {
        const segs = target.split('.');
        if (segs[0] !== 'variables') continue;
        let obj = request.variables;
        for (let k = 1; k < segs.length - 1; k++) obj = obj[segs[k]] ??= {};
        obj[segs[segs.length - 1]] = fileOf(part);
      }
    }
  }
  for (const p of parts) {
    const m = /^variables\[([^\]]+)\]$/.exec(p.name || '');
    if (m) request.variables[m[1]] = fileOf(p);
  }
  return request;
}
