const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, find, tap } = require('./support/render');
const { card } = require('./support/samples');

const fake = useFakeWeLink();

const qrText = (page) => find(page, '.qrcode').instance.data.value;
const notMember = { status: 409, detail: '您还不是会员，加入后即可领取会员卡。' };

describe('the member card page', () => {
  afterEach(() => jest.restoreAllMocks());

  test('shows the number, tier, name, home dealer, the QR code of the signed text and the benefits', async () => {
    fake.welink.on('GET', '/api/consumer/member/card', card());

    const page = await renderPage('pages/member/card', { dealerId: 'd-1' }, fake.wx);

    const text = textOf(page);
    for (const shown of ['M00000123', '银卡会员', '王芳', '极光汽车上海浦东店', '保养工时 9 折', '生日礼包']) {
      expect(text).toContain(shown);
    }
    expect(qrText(page)).toBe('WLM1.M00000123.first');
    expect(page.toJSON()).toMatchSnapshot();
    await tap(page, '.my-data');
    expect(fake.wx.calls.navigateTo).toEqual(['/pages/member/data']);
  });

  test('asks for a fresh QR text every minute while shown, and stops when hidden or closed', async () => {
    fake.welink.on('GET', '/api/consumer/member/card', card());
    const page = await renderPage('pages/member/card', {}, fake.wx);
    const setInterval = jest.spyOn(global, 'setInterval');
    const clearInterval = jest.spyOn(global, 'clearInterval');

    page.instance.onShow();
    expect(setInterval).toHaveBeenCalledTimes(1);
    const [refresh, every] = setInterval.mock.calls[0];
    expect(every).toBe(60_000);

    fake.welink.on('GET', '/api/consumer/member/card', card({ code: 'WLM1.M00000123.second' }));
    refresh();
    await fake.wx.flush();
    expect(qrText(page)).toBe('WLM1.M00000123.second');
    expect(fake.welink.sent('GET', '/api/consumer/member/card')).toHaveLength(2);

    page.instance.onHide();
    expect(clearInterval).toHaveBeenCalledWith(setInterval.mock.results[0].value);

    page.instance.onShow();
    page.instance.onUnload();
    expect(clearInterval).toHaveBeenLastCalledWith(setInterval.mock.results[1].value);
  });

  test('before joining offers to join', async () => {
    fake.welink.on('GET', '/api/consumer/member/card', notMember, 409);
    const page = await renderPage('pages/member/card', {}, fake.wx);

    expect(textOf(page)).toContain('您还不是会员，加入后即可领取会员卡');
    expect(page.toJSON()).toMatchSnapshot();
    await tap(page, '.join');
    expect(fake.wx.calls.redirectTo).toEqual(['/pages/member/join']);
  });

  test('just after joining waits while the card is being issued', async () => {
    let asked = 0;
    fake.welink.on('GET', '/api/consumer/member/card', () => {
      asked += 1;
      return asked < 3 ? { status: 409, body: notMember } : { status: 200, body: card() };
    });

    const page = await renderPage('pages/member/card', { joined: '1' }, fake.wx);

    expect(asked).toBe(3);
    expect(qrText(page)).toBe('WLM1.M00000123.first');
  });
});
