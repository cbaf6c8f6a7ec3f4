const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, renderComponent, textOf, tap } = require('./support/render');
const { dealer, otherDealer } = require('./support/samples');

const fake = useFakeWeLink({ brandName: '极光汽车' });

describe('the home page', () => {
  test('opened from a dealer menu signs in with that dealer and shows its name, address, hours and services', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);

    const page = await renderPage('pages/home/index', { dealerId: 'd-1' }, fake.wx);

    expect(fake.welink.sent('POST', '/api/consumer/miniprogram/sessions')[0].body).toEqual({ appId: 'wx-test-app', code: 'test-code', dealerId: 'd-1' });
    expect(fake.welink.sent('GET', '/api/consumer/dealers')[0].headers.authorization).toBe('Bearer access-1');
    const text = textOf(page);
    expect(text).toContain('极光汽车上海浦东店');
    expect(text).toContain('浦东新区张江路 100 号');
    expect(text).toContain('周六、周日');
    expect(text).toContain('10:00–17:00');
    expect(text).toContain('保养');
    expect(page.toJSON()).toMatchSnapshot();
  });

  test('without a dealer shows the picker, and picking one puts it in the session and shows its home', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    fake.welink.on('POST', '/api/consumer/miniprogram/sessions/dealer', ({ body }) => ({
      status: 200,
      body: { accessToken: 'access-x', refreshToken: 'refresh-x', expiresIn: 900, brandId: 'brand-1', dealerId: body.dealerId },
    }));

    const page = await renderPage('pages/home/index', {}, fake.wx);

    expect(textOf(page)).toContain('请选择门店');
    expect(textOf(page)).toContain('极光汽车北京望京店');
    expect(page.toJSON()).toMatchSnapshot();

    await tap(page, '.picker', '.dealer@1');
    await fake.wx.flush();

    expect(fake.welink.sent('POST', '/api/consumer/miniprogram/sessions/dealer')[0].body).toEqual({ dealerId: 'd-2' });
    expect(textOf(page)).toContain('朝阳区望京街 8 号');
    expect(textOf(page)).not.toContain('请选择门店');
  });

  test('a dealer of another brand is refused with the Chinese reason on the page', async () => {
    fake.welink.on('POST', '/api/consumer/miniprogram/sessions', { status: 422, errors: { dealerId: ['该门店不属于本品牌，请从门店公众号重新进入'] } }, 422);

    const page = await renderPage('pages/home/index', { dealerId: 'd-9' }, fake.wx);

    expect(textOf(page)).toContain('该门店不属于本品牌，请从门店公众号重新进入');
  });

  test('an expired or reused login code is shown in Chinese, asking to open the mini-program again', async () => {
    fake.welink.on('POST', '/api/consumer/miniprogram/sessions', { status: 401, detail: '登录已失效，请重新进入小程序' }, 401);

    const page = await renderPage('pages/home/index', { dealerId: 'd-1' }, fake.wx);

    expect(textOf(page)).toContain('登录已失效，请重新进入小程序');
  });

  test('while loading it says so', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    const page = renderComponent('pages/home/index');

    expect(textOf(page)).toContain('加载中');
  });
});
