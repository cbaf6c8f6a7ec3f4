// The request wrapper's rules, seen from the wire: bearer, one refresh on 401, then wx.login again; the
// Idempotency-Key made once per submit and sent again on retry.
const { installWx } = require('./support/wx');
const { useFakeWeLink } = require('./support/use-fake-welink');

let codes;
const fake = useFakeWeLink(() => {
  codes = 0;
  return { login: () => `code-${++codes}` };
});

const { complaints } = require('../src/services/api');
const { ensureSession } = require('../src/services/session');
const { Submission } = require('../src/services/submission');
const { messageOf } = require('../src/services/errors');

function expiredOnce(body) {
  let first = true;
  return ({ headers }) => {
    if (first) {
      first = false;
      return { status: 401, body: { status: 401, detail: '登录已过期' } };
    }
    return { status: 200, body: { ...body, sentWith: headers.authorization } };
  };
}

describe('the request wrapper', () => {
  test('on a 401 refreshes once and sends the same request again with the new token and the same Idempotency-Key', async () => {
    await ensureSession('d-1');
    fake.welink.on('POST', '/api/consumer/complaints/c-1/cancel', expiredOnce({ id: 'c-1' }));

    const answer = await complaints.cancel('c-1', 'key-1');

    expect(fake.welink.sent('POST', '/api/consumer/miniprogram/sessions/refresh')[0].body).toEqual({ refreshToken: 'refresh-1' });
    expect(answer.sentWith).toBe('Bearer access-2');
    const sent = fake.welink.sent('POST', '/api/consumer/complaints/c-1/cancel');
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });

  test('when the refresh token is spent too it signs in again with a new wx.login code, keeping the dealer', async () => {
    await ensureSession('d-1');
    fake.welink.on('POST', '/api/consumer/miniprogram/sessions/refresh', { status: 401, detail: '登录已失效，请重新进入小程序' }, 401);
    fake.welink.on('GET', '/api/consumer/complaints', expiredOnce([]));

    await complaints.list();

    const signIns = fake.welink.sent('POST', '/api/consumer/miniprogram/sessions');
    expect(signIns.map((r) => r.body)).toEqual([
      { appId: 'wx-test-app', code: 'code-1', dealerId: 'd-1' },
      { appId: 'wx-test-app', code: 'code-2', dealerId: 'd-1' },
    ]);
  });

  test('an expired or reused login code shows WeLink’s Chinese detail', async () => {
    fake.welink.on('POST', '/api/consumer/miniprogram/sessions', { status: 401, detail: '登录已失效，请重新进入小程序' }, 401);

    const error = await ensureSession('d-1').catch((e) => e);

    expect(messageOf(error)).toBe('登录已失效，请重新进入小程序');
  });

  test('several calls at page start share one sign-in', async () => {
    fake.welink.on('GET', '/api/consumer/complaints', []);
    fake.welink.on('GET', '/api/consumer/complaints/categories', []);

    await Promise.all([complaints.list(), complaints.categories()]);

    expect(fake.welink.sent('POST', '/api/consumer/miniprogram/sessions')).toHaveLength(1);
  });
});

describe('a submission', () => {
  test('sends the same Idempotency-Key again when the answer was lost, and a new one for the next submit', async () => {
    const submission = new Submission();
    const keys = [];
    const lost = new Error('request:fail');

    await expect(submission.send(async (key) => { keys.push(key); throw lost; })).rejects.toBe(lost);
    await submission.send(async (key) => keys.push(key));
    await submission.send(async (key) => keys.push(key));

    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  test('a refusal from WeLink spends the key: the corrected form is a new submit', async () => {
    fake.welink.on('POST', '/api/consumer/complaints', { status: 400, errors: { description: ['请填写问题描述'] } }, 400);
    await ensureSession('d-1');
    const submission = new Submission();

    const error = await submission.send((key) => complaints.file({ category: 'x', description: '', severity: 'low' }, key)).catch((e) => e);
    await submission.send((key) => complaints.file({ category: 'x', description: '', severity: 'low' }, key)).catch(() => undefined);

    expect(messageOf(error)).toBe('请填写问题描述');
    const keys = fake.welink.sent('POST', '/api/consumer/complaints').map((r) => r.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
  });

  test('a lost network is said in Chinese', async () => {
    installWx({ apiBase: 'http://127.0.0.1:1' });

    const error = await ensureSession().catch((e) => e);

    expect(messageOf(error)).toBe('网络连接失败，请检查网络后重试');
  });
});
