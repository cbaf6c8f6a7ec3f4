// An HTTP client that keeps cookies and does not follow redirects: an admin in the portal, or a person on the
// sandbox's WeChat pages. Node's http, because the page tests run in jsdom, which has no fetch.
const http = require('node:http');

function request(url, { method, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, 'Content-Length': Buffer.byteLength(body) } : headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

class Browser {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  async send(method, url, { json, form, idempotencyKey } = {}) {
    const headers = { Origin: this.base };
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }
    const res = await request(new URL(url, this.base), { method, headers, body });
    for (const cookie of res.headers['set-cookie'] ?? []) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const { text } = res;
    return { status: res.status, location: res.headers.location, text, json: () => JSON.parse(text) };
  }

  get(url) {
    return this.send('GET', url);
  }

  /** POSTs JSON and returns the parsed answer; any status but 2xx throws with the answer's text. */
  async postOk(url, json) {
    const res = await this.send('POST', url, { json });
    if (res.status < 200 || res.status > 299) throw new Error(`POST ${url}: ${res.status} ${res.text}`);
    return res.text ? res.json() : undefined;
  }

  async getOk(url) {
    const res = await this.get(url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.text}`);
    return res.json();
  }

  /** On a page of forms, submits the one whose hidden `field` is `value` (pressing its button), and returns where it redirects. */
  async submitForm(page, field, value) {
    const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x2B;/g, '+').replace(/&#x3D;/g, '=').replace(/&#x2F;/g, '/');
    for (const [, action, inner] of page.matchAll(/<form method="post" action="([^"]+)">(.*?)<\/form>/gs)) {
      const fields = Object.fromEntries([...inner.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, k, v]) => [decode(k), decode(v)]));
      if (fields[field] === value) {
        const res = await this.send('POST', decode(action), { form: fields });
        if (res.status !== 302) throw new Error(`form ${action}: ${res.status} ${res.text}`);
        return res.location;
      }
    }
    throw new Error(`no form with ${field}=${value} on the page:\n${page}`);
  }
}

module.exports = { Browser, request };
