const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderComponent, textOf, find } = require('./support/render');
const { dealer } = require('./support/samples');

const fake = useFakeWeLink();

describe('status-tag', () => {
  test.each([
    ['已受理', 't-tag--primary'],
    ['处理中', 't-tag--warning'],
    ['已解决', 't-tag--success'],
    ['已关闭', 't-tag--default'],
  ])('shows %s as a TDesign tag in its own colour', async (status, themeClass) => {
    const tag = renderComponent('components/status-tag/index', { status });
    await fake.wx.flush();

    expect(textOf(tag)).toBe(status);
    expect(find(tag, '.status-tag', '.t-tag').dom.className).toContain(themeClass);
  });
});

describe('complaint-timeline', () => {
  test('labels who said what and shows when, oldest first as WeLink sends them', async () => {
    const timeline = renderComponent('components/complaint-timeline/index', {
      entries: [
        { at: '2026-12-05T02:00:00Z', kind: 'status', text: '投诉已受理' },
        { at: '2026-12-05T03:00:00Z', kind: 'reply', text: '已安排专人联系您' },
        { at: '2026-12-05T04:00:00Z', kind: 'survey', text: '满意度 2 星，推荐意愿 3 分' },
      ],
    });
    await fake.wx.flush();

    const entries = timeline.querySelectorAll('.entry').map((e) => e.dom.textContent.replace(/\s+/g, ' '));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('进度');
    expect(entries[1]).toContain('消息通知');
    expect(entries[1]).toContain('已安排专人联系您');
    expect(entries[2]).toContain('我的评价');
    expect(entries[0]).toMatch(/2026-12-05 \d\d:00/);
  });

  test('entries of one instant all show, and an empty timeline says there is nothing yet', async () => {
    const asked = renderComponent('components/complaint-timeline/index', {
      entries: [
        { at: '2026-12-05T02:00:00Z', kind: 'status', text: '处理中' },
        { at: '2026-12-05T02:00:00Z', kind: 'question', text: '请提供保养单号' },
      ],
    });
    const empty = renderComponent('components/complaint-timeline/index', { entries: [] });
    await fake.wx.flush();

    expect(asked.querySelectorAll('.entry').map((e) => e.dom.textContent.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining('处理中'),
      expect.stringContaining('请提供保养单号'),
    ]);
    expect(textOf(empty)).toBe('暂无处理记录');
  });
});

describe('dealer-picker', () => {
  test('while the dealers load it says so, then lists them', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer]);
    const picker = renderComponent('components/dealer-picker/index');

    expect(textOf(picker)).toContain('正在加载门店');
    await fake.wx.flush();
    expect(textOf(picker)).toContain('极光汽车上海浦东店');
    expect(textOf(picker)).toContain('浦东新区张江路 100 号');
  });

  test('a brand without linked dealers shows an empty state', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', []);
    const picker = renderComponent('components/dealer-picker/index');
    await fake.wx.flush();

    expect(textOf(picker)).toContain('暂无可选门店');
  });
});
