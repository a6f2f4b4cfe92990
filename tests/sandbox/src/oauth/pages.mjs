// The HTML a person sees at /oauth2/authorize: a consent page with Approve and
// Deny, or an error page. Plain HTML with a form, so any browser (and curl) can
// answer it.

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f7fb;margin:0}
main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 2px 8px #0002}
h1{font-size:1.3rem;margin-top:0}ul{padding-left:1.2rem}li{margin:.2rem 0}
.buttons{display:flex;gap:1rem;margin-top:1.5rem}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:4px;border:1px solid #0073ea;cursor:pointer}
#approve{background:#0073ea;color:#fff}#deny{background:#fff;color:#0073ea}
.error{color:#b00020}`;

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

export function consentPage({ id, app, scopes, user, account }) {
  const items = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return page(`Authorize ${app.name}`, `
<h1>${escapeHtml(app.name)} wants to access your monday.com account</h1>
<p>Signed in as <strong>${escapeHtml(user)}</strong> in <strong>${escapeHtml(account)}</strong> (sandbox).</p>
<p>It asks for these permissions:</p>
<ul id="scopes">${items}</ul>
<form method="post" action="/oauth2/authorize">
<input type="hidden" name="request_id" value="${escapeHtml(id)}">
<div class="buttons">
<button type="submit" id="approve" name="decision" value="approve">Approve</button>
<button type="submit" id="deny" name="decision" value="deny">Deny</button>
</div>
</form>`);
}

export function errorPage(message) {
  return page('Authorization error', `<h1>Authorization error</h1><p class="error">${escapeHtml(message)}</p>`);
}
