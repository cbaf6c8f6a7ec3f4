// The `wx` the pages get in tests: miniprogram-simulate's mock, with the network calls going over real HTTP
// (to the fake WeLink of the component tests, or to a real WeLink in the journey) and everything the tests
// need to see (subscribe requests, navigation, modals) recorded.
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const simulate = require('miniprogram-simulate');

const inflight = new Set();

function track(promise) {
  inflight.add(promise);
  const done = () => inflight.delete(promise);
  promise.then(done, done);
  return promise;
}

/** Waits until every request the pages started (and the setData after it) has finished. */
async function flush() {
  do {
    await Promise.all([...inflight].map((p) => p.catch(() => undefined)));
    await simulate.sleep(0);
  } while (inflight.size > 0);
}

function httpCall(url, { method, headers, body }) {
  return track(
    new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ statusCode: res.statusCode, header: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    }),
  );
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const mediaTypes = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.txt': 'text/plain' };
const mediaExtensions = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };

let downloadFolder;
/** Where wx.downloadFile puts what it fetched (wxfile://tmp_… on a phone), made on first use. */
function downloads() {
  downloadFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'welink-mp-downloads-'));
  return downloadFolder;
}

/**
 * Installs the stand-in as global `wx`. `login` gives the code wx.login returns (sync or async);
 * `subscribe(templateIds)` is what the consumer taps in the subscribe dialog.
 */
function installWx({ apiBase, appId = 'wx-test-app', brandName = '测试品牌', login = () => 'test-code', subscribe = async () => ({}) } = {}) {
  const wx = global.wx;
  const calls = { navigateTo: [], redirectTo: [], switchTab: [], subscribe: [], modal: [], toast: [], clipboard: [], requests: [], downloads: [] };
  const storage = new Map();
  let modalAnswer = true;

  Object.assign(wx, {
    getExtConfigSync: () => ({ apiBase, brandName }),
    getAccountInfoSync: () => ({ miniProgram: { appId, envVersion: 'develop', version: '' } }),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key) => storage.delete(key),
    login: ({ success, fail }) => {
      track(Promise.resolve().then(login)).then((code) => success({ code, errMsg: 'login:ok' }), (e) => fail && fail({ errMsg: String(e) }));
    },
    request: ({ url, method = 'GET', data, header = {}, success, fail }) => {
      const body = method === 'GET' || data === undefined ? undefined : JSON.stringify(data);
      const headers = { ...header, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) };
      calls.requests.push({ method, url, header });
      httpCall(url, { method, headers, body }).then(
        (res) => success && success({ statusCode: res.statusCode, header: res.header, data: parse(res.bytes.toString('utf8')), errMsg: 'request:ok' }),
        (e) => fail && fail({ errMsg: `request:fail ${e.message}` }),
      );
      return { abort() {} };
    },
    uploadFile: ({ url, filePath, name, header = {}, success, fail }) => {
      const boundary = '----welink' + Math.random().toString(16).slice(2);
      const type = mediaTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${path.basename(filePath)}"\r\nContent-Type: ${type}\r\n\r\n`),
        fs.readFileSync(filePath),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const headers = { ...header, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length };
      calls.requests.push({ method: 'UPLOAD', url, header });
      httpCall(url, { method: 'POST', headers, body }).then(
        (res) => success && success({ statusCode: res.statusCode, data: res.bytes.toString('utf8'), errMsg: 'uploadFile:ok' }),
        (e) => fail && fail({ errMsg: `uploadFile:fail ${e.message}` }),
      );
      return { abort() {}, onProgressUpdate() {} };
    },
    // As WeChat does, the answer's bytes land in a temporary file whatever the status; the page checks statusCode.
    downloadFile: ({ url, header = {}, success, fail }) => {
      calls.downloads.push({ url, header });
      httpCall(url, { method: 'GET', headers: header }).then(
        (res) => {
          const tempFilePath = path.join(downloads(), `download-${calls.downloads.length}${mediaExtensions[res.header['content-type']] ?? ''}`);
          fs.writeFileSync(tempFilePath, res.bytes);
          if (success) success({ statusCode: res.statusCode, tempFilePath, errMsg: 'downloadFile:ok' });
        },
        (e) => fail && fail({ errMsg: `downloadFile:fail ${e.message}` }),
      );
      return { abort() {}, onProgressUpdate() {} };
    },
    requestSubscribeMessage: (options) => {
      calls.subscribe.push(options.tmplIds);
      track(Promise.resolve(subscribe(options.tmplIds))).then((result) => {
        const answer = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, 'accept'])), ...result };
        if (options.success) options.success(answer);
        if (options.complete) options.complete(answer);
      });
    },
    showModal: (options) => {
      calls.modal.push(options);
      return Promise.resolve({ confirm: modalAnswer, cancel: !modalAnswer });
    },
    showToast: ({ title }) => calls.toast.push(title),
    setClipboardData: ({ data, success }) => {
      calls.clipboard.push(data);
      if (success) success({ errMsg: 'setClipboardData:ok' });
    },
    navigateTo: ({ url }) => calls.navigateTo.push(url),
    redirectTo: ({ url }) => calls.redirectTo.push(url),
    switchTab: ({ url }) => calls.switchTab.push(url),
    stopPullDownRefresh: () => undefined,
    makePhoneCall: () => undefined,
  });

  // Each test starts signed out, as a consumer opening the mini-program for the first time.
  require('../../src/services/session').forgetSession();

  return {
    calls,
    flush,
    answerModal(confirm) {
      modalAnswer = confirm;
    },
    forgetSession() {
      storage.clear();
    },
  };
}

module.exports = { installWx, flush };
