const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, find, tap } = require('./support/render');
const { complaint } = require('./support/samples');

const fake = useFakeWeLink();

describe('my complaints', () => {
  test('shows each complaint with its consumer state as a tag, and opens the detail on tap', async () => {
    fake.welink.on('GET', '/api/consumer/complaints', [
      complaint({ id: 'c-3', status: '已受理', category: '收费问题' }),
      complaint({ id: 'c-2', status: '处理中' }),
      complaint({ id: 'c-1', status: '已解决', category: '维修质量' }),
      complaint({ id: 'c-0', status: '已关闭' }),
    ]);

    const page = await renderPage('pages/complaints/list', { dealerId: 'd-1' }, fake.wx);

    const tags = page.querySelectorAll('.row__status').map((tag) => tag.dom.textContent.trim());
    expect(tags).toEqual(['已受理', '处理中', '已解决', '已关闭']);
    expect(textOf(page)).toContain('收费问题');
    expect(textOf(page)).toContain('极光汽车上海浦东店');
    expect(find(page, '.row__meta@0').dom.textContent).toContain('一般');
    expect(page.toJSON()).toMatchSnapshot();

    find(page, '.row@1').dispatchEvent('tap');
    await fake.wx.flush();
    expect(fake.wx.calls.navigateTo).toEqual(['/pages/complaints/detail?id=c-2']);
  });

  test('with no complaints says so and offers to file one', async () => {
    fake.welink.on('GET', '/api/consumer/complaints', []);

    const page = await renderPage('pages/complaints/list', {}, fake.wx);

    expect(textOf(page)).toContain('还没有投诉记录');
    await tap(page, '.file');
    expect(fake.wx.calls.navigateTo).toEqual(['/pages/complaints/new']);
  });

  test('pull to refresh shows what changed since', async () => {
    fake.welink.on('GET', '/api/consumer/complaints', [complaint({ status: '已受理' })]);
    const page = await renderPage('pages/complaints/list', {}, fake.wx);
    fake.welink.on('GET', '/api/consumer/complaints', [complaint({ status: '处理中' })]);

    await page.instance.onPullDownRefresh();
    await fake.wx.flush();

    expect(find(page, '.row__status').dom.textContent.trim()).toBe('处理中');
  });

  test('a server failure is shown in Chinese instead of the list', async () => {
    fake.welink.on('GET', '/api/consumer/complaints', '', 503);

    const page = await renderPage('pages/complaints/list', {}, fake.wx);

    expect(textOf(page)).toContain('服务暂时不可用，请稍后再试');
  });
});
