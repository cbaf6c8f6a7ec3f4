const { installWx } = require('./support/wx');
const { startFakeWeLink } = require('./support/fake-welink');
const { renderPage, textOf, find, tap, change, emit } = require('./support/render');
const { complaint } = require('./support/samples');

let welink;
let wx;

beforeAll(async () => {
  welink = await startFakeWeLink();
});
afterAll(() => welink.close());
beforeEach(() => {
  welink.reset();
  wx = installWx({ apiBase: welink.base });
});

const replied = complaint({
  status: '处理中',
  canCancel: false,
  photos: [{ id: 'p-1', url: 'http://127.0.0.1/api/consumer/uploads/p-1' }],
  timeline: [
    { at: '2026-12-05T02:00:00Z', kind: 'status', text: '投诉已受理' },
    { at: '2026-12-05T02:10:00Z', kind: 'reply', text: '您好，我们已安排服务经理跟进' },
    { at: '2026-12-05T02:12:00Z', kind: 'question', text: '请提供保养单号' },
  ],
  question: '请提供保养单号',
});

describe('a complaint', () => {
  test("opened from a status message shows its state, what was filed, photos and the dealer's replies", async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', replied);

    const page = await renderPage('pages/complaints/detail', { id: 'c-1', dealerId: 'd-1' }, wx);

    expect(welink.sent('POST', '/api/consumer/miniprogram/sessions')[0].body.dealerId).toBe('d-1');
    expect(find(page, '.status').dom.textContent.trim()).toBe('处理中');
    const text = textOf(page);
    expect(text).toContain('保养等了三个小时没有人通知');
    expect(text).toContain('沪A·12345');
    expect(text).toContain('门店回复');
    expect(text).toContain('您好，我们已安排服务经理跟进');
    expect(text).toContain('门店需要您补充信息');
    expect(page.querySelectorAll('.photo')).toHaveLength(1);
    expect(text).not.toContain('撤销投诉');
    expect(page.toJSON()).toMatchSnapshot();
  });

  test('answers the dealer’s question once, with an Idempotency-Key, and shows the new timeline', async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', replied);
    welink.on('POST', '/api/consumer/complaints/c-1/information', ({ body }) => ({
      status: 200,
      body: complaint({ status: '处理中', canCancel: false, timeline: [...replied.timeline, { at: '2026-12-05T02:20:00Z', kind: 'answer', text: body.answer }] }),
    }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, wx);

    await change(page, '.answer', '保养单号 BY-2026-1205');
    await tap(page, '.send-answer');
    await tap(page, '.send-answer');
    await wx.flush();

    const sent = welink.sent('POST', '/api/consumer/complaints/c-1/information');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(textOf(page)).toContain('我的补充');
    expect(textOf(page)).toContain('保养单号 BY-2026-1205');
    expect(textOf(page)).not.toContain('门店需要您补充信息');
  });

  test('cancels after the consumer confirms, and the page shows 已关闭', async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    welink.on('POST', '/api/consumer/complaints/c-1/cancel', complaint({ status: '已关闭', canCancel: false }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, wx);

    await tap(page, '.cancel');
    await wx.flush();

    expect(wx.calls.modal[0].title).toBe('撤销投诉');
    expect(find(page, '.status').dom.textContent.trim()).toBe('已关闭');
    expect(textOf(page)).not.toContain('撤销投诉');
  });

  test('does not cancel when the consumer thinks again', async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, wx);
    wx.answerModal(false);

    await tap(page, '.cancel');
    await wx.flush();

    expect(welink.sent('POST', '/api/consumer/complaints/c-1/cancel')).toHaveLength(0);
  });

  test('the survey sends 1–5 stars and the 0–10 recommendation', async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', complaint({ status: '已解决', canCancel: false, surveyOpen: true }));
    welink.on('POST', '/api/consumer/complaints/c-1/survey', complaint({ status: '已关闭', canCancel: false }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, wx);
    expect(textOf(page)).toContain('请评价本次处理');

    await tap(page, '.send-survey');
    expect(textOf(page)).toContain('请为满意度打分并选择推荐意愿');

    await emit(page, '.satisfaction', 'change', { value: 4 });
    find(page, '.score@9').dispatchEvent('tap');
    await wx.flush();
    await tap(page, '.send-survey');
    await wx.flush();

    expect(welink.sent('POST', '/api/consumer/complaints/c-1/survey')[0].body).toEqual({ satisfaction: 4, recommend: 9 });
    expect(find(page, '.status').dom.textContent.trim()).toBe('已关闭');
    expect(textOf(page)).not.toContain('请评价本次处理');
  });

  test('a step the complaint no longer allows shows WeLink’s Chinese reason', async () => {
    welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    welink.on('POST', '/api/consumer/complaints/c-1/cancel', { status: 422, detail: '门店已开始处理，不能撤销' }, 422);
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, wx);

    await tap(page, '.cancel');
    await wx.flush();

    expect(textOf(page)).toContain('门店已开始处理，不能撤销');
  });

  test('a complaint that is not the consumer’s shows not found', async () => {
    const page = await renderPage('pages/complaints/detail', { id: 'c-x' }, wx);

    expect(textOf(page)).toContain('未找到');
  });
});
