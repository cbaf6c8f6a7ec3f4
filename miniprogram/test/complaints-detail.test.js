const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, find, tap, change, emit } = require('./support/render');
const fs = require('node:fs');
const { complaint } = require('./support/samples');
const files = require('./support/files');

const fake = useFakeWeLink();

const replied = complaint({
  status: '处理中',
  canCancel: false,
  timeline: [
    { at: '2026-12-05T02:00:00Z', kind: 'status', text: '投诉已受理' },
    { at: '2026-12-05T02:10:00Z', kind: 'reply', text: '您好，我们已安排服务经理跟进' },
    { at: '2026-12-05T02:12:00Z', kind: 'question', text: '请提供保养单号' },
  ],
  question: '请提供保养单号',
});

describe('a complaint', () => {
  test("opened from a status message shows its state, what was filed and the dealer's question in its timeline", async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', replied);

    const page = await renderPage('pages/complaints/detail', { id: 'c-1', dealerId: 'd-1' }, fake.wx);

    expect(fake.welink.sent('POST', '/api/consumer/miniprogram/sessions')[0].body.dealerId).toBe('d-1');
    expect(find(page, '.status').dom.textContent.trim()).toBe('处理中');
    const text = textOf(page);
    expect(text).toContain('保养等了三个小时没有人通知');
    expect(text).toContain('沪A·12345');
    expect(text).toContain('严重程度一般');
    expect(text).toContain('消息通知');
    expect(text).toContain('您好，我们已安排服务经理跟进');
    expect(text).toContain('门店需要您补充信息');
    expect(page.querySelectorAll('.photo')).toHaveLength(0);
    expect(text).not.toContain('撤销投诉');
    expect(page.toJSON()).toMatchSnapshot();
  });

  test('shows each photo from the file downloaded with the bearer, since an <image src> cannot send it', async () => {
    const png = fs.readFileSync(files.photo());
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint({ photos: [{ id: 'p-1', url: '/api/consumer/uploads/p-1' }, { id: 'p-2', url: '/api/consumer/uploads/p-2' }] }));
    fake.welink.on('GET', '/api/consumer/uploads/p-1', png, 200, 'image/png');
    fake.welink.on('GET', '/api/consumer/uploads/p-2', png, 200, 'image/png');

    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);

    const bearer = fake.welink.sent('GET', '/api/consumer/complaints/c-1')[0].headers.authorization;
    expect(bearer).toMatch(/^Bearer access-\d+$/);
    expect(fake.wx.calls.downloads.map((d) => [d.url, d.header.Authorization])).toEqual([
      [`${fake.welink.base}/api/consumer/uploads/p-1`, bearer],
      [`${fake.welink.base}/api/consumer/uploads/p-2`, bearer],
    ]);
    const shown = page.querySelectorAll('.photo').map((p) => p.toJSON().attrs.find((a) => a.name === 'src').value);
    expect(shown).toHaveLength(2);
    for (const file of shown) {
      expect(fs.readFileSync(file)).toEqual(png);
    }
    expect(textOf(page)).not.toContain('照片加载失败');
  });

  test('a photo WeLink no longer serves says so in Chinese, and the rest of the complaint still shows', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint({ photos: [{ id: 'p-9', url: '/api/consumer/uploads/p-9' }] }));

    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);

    expect(page.querySelectorAll('.photo')).toHaveLength(0);
    expect(textOf(page)).toContain('照片加载失败，请下拉刷新重试');
    expect(textOf(page)).toContain('保养等了三个小时没有人通知');
  });

  test('answers the dealer’s question once, with an Idempotency-Key, and shows the new timeline', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', replied);
    fake.welink.on('POST', '/api/consumer/complaints/c-1/information', ({ body }) => ({
      status: 200,
      body: complaint({ status: '处理中', canCancel: false, timeline: [...replied.timeline, { at: '2026-12-05T02:20:00Z', kind: 'answer', text: body.answer }] }),
    }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);

    await change(page, '.answer', '保养单号 BY-2026-1205');
    await tap(page, '.send-answer');
    await tap(page, '.send-answer');
    await fake.wx.flush();

    const sent = fake.welink.sent('POST', '/api/consumer/complaints/c-1/information');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(textOf(page)).toContain('我的补充');
    expect(textOf(page)).toContain('保养单号 BY-2026-1205');
    expect(textOf(page)).not.toContain('门店需要您补充信息');
  });

  test('cancels after the consumer confirms, and the page shows 已关闭', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    fake.welink.on('POST', '/api/consumer/complaints/c-1/cancel', complaint({ status: '已关闭', canCancel: false }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);

    await tap(page, '.cancel');
    await fake.wx.flush();

    expect(fake.wx.calls.modal[0].title).toBe('撤销投诉');
    expect(find(page, '.status').dom.textContent.trim()).toBe('已关闭');
    expect(textOf(page)).not.toContain('撤销投诉');
  });

  test('does not cancel when the consumer thinks again', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);
    fake.wx.answerModal(false);

    await tap(page, '.cancel');
    await fake.wx.flush();

    expect(fake.welink.sent('POST', '/api/consumer/complaints/c-1/cancel')).toHaveLength(0);
  });

  test('the survey sends 1–5 stars and the 0–10 recommendation', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint({ status: '已解决', canCancel: false, surveyOpen: true }));
    fake.welink.on('POST', '/api/consumer/complaints/c-1/survey', complaint({ status: '已关闭', canCancel: false }));
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);
    expect(textOf(page)).toContain('请评价本次处理');

    await tap(page, '.send-survey');
    expect(textOf(page)).toContain('请为满意度打分并选择推荐意愿');

    await emit(page, '.satisfaction', 'change', { value: 4 });
    find(page, '.score@9').dispatchEvent('tap');
    await fake.wx.flush();
    await tap(page, '.send-survey');
    await fake.wx.flush();

    expect(fake.welink.sent('POST', '/api/consumer/complaints/c-1/survey')[0].body).toEqual({ satisfaction: 4, recommend: 9 });
    expect(find(page, '.status').dom.textContent.trim()).toBe('已关闭');
    expect(textOf(page)).not.toContain('请评价本次处理');
  });

  test('a step the complaint no longer allows shows WeLink’s Chinese reason', async () => {
    fake.welink.on('GET', '/api/consumer/complaints/c-1', complaint());
    fake.welink.on('POST', '/api/consumer/complaints/c-1/cancel', { status: 422, detail: '门店已开始处理，不能撤销' }, 422);
    const page = await renderPage('pages/complaints/detail', { id: 'c-1' }, fake.wx);

    await tap(page, '.cancel');
    await fake.wx.flush();

    expect(textOf(page)).toContain('门店已开始处理，不能撤销');
  });

  test('a complaint that is not the consumer’s shows not found', async () => {
    const page = await renderPage('pages/complaints/detail', { id: 'c-x' }, fake.wx);

    expect(textOf(page)).toContain('未找到');
  });
});
