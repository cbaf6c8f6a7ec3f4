// A stand-in WeLink for the component tests: real HTTP on a loopback port, answers set per test, every request kept.
// The journey test (journey.test.js) runs against the real WeLink instead.
const http = require('node:http');

function startFakeWeLink() {
  const answers = new Map();
  const requests = [];
  let sessions = 0;

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const isJson = (req.headers['content-type'] || '').startsWith('application/json');
      const body = isJson && raw.length ? JSON.parse(raw.toString('utf8')) : raw;
      const key = `${req.method} ${req.url}`;
      requests.push({ key, method: req.method, url: req.url, headers: req.headers, body });
      let answer = answers.get(key);
      if (typeof answer === 'function') answer = answer({ headers: req.headers, body });
      if (!answer && req.url.startsWith('/api/consumer/miniprogram/sessions')) {
        sessions += 1;
        answer = { status: 200, body: { accessToken: `access-${sessions}`, refreshToken: `refresh-${sessions}`, expiresIn: 900, brandId: 'brand-1', dealerId: body.dealerId ?? null } };
      }
      answer = answer || { status: 404, body: { status: 404, detail: '未找到' } };
      if (Buffer.isBuffer(answer.body)) {
        res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/octet-stream' });
        res.end(answer.body);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/problem+json; charset=utf-8' });
      res.end(JSON.stringify(answer.body));
    });
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        base: `http://127.0.0.1:${server.address().port}`,
        requests,
        /**
         * Answers `body` with `status` (200 unless given), or what a function of the request returns ({ status, body }).
         * A Buffer body is sent as is, with `type` as its Content-Type (a photo for wx.downloadFile).
         */
        on(method, url, body, status = 200, type = undefined) {
          answers.set(`${method} ${url}`, typeof body === 'function' ? body : { status, body, type });
        },
        reset() {
          answers.clear();
          requests.length = 0;
        },
        sent(method, url) {
          return requests.filter((r) => r.key === `${method} ${url}`);
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(done);
          }),
      });
    });
  });
}

module.exports = { startFakeWeLink };
