const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, emit, change } = require('./support/render');
const { known, joined } = require('./support/samples');

const fake = useFakeWeLink();

const tapPhoneButton = (page, detail) => emit(page, '.join', 'getphonenumber', detail);
const allowed = { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' };

describe('the join page', () => {
  test('sends the name, an answer per purpose with the text version and the phone code, then opens the card', async () => {
    fake.welink.on('GET', '/api/consumer/member', known);
    fake.welink.on('POST', '/api/consumer/member/join', joined, 202);
    const page = await renderPage('pages/member/join', { dealerId: 'd-1' }, fake.wx);

    expect(textOf(page)).toContain('授权（第 2026-12 版）');
    expect(textOf(page)).toContain('服务通知');
    expect(textOf(page)).toContain('与品牌共享');
    expect(page.toJSON()).toMatchSnapshot();

    await change(page, '.name', ' 王芳 ');
    await change(page, '.consents', ['service', 'marketing']);
    await tapPhoneButton(page, allowed);
    await fake.wx.flush();

    const [sent] = fake.welink.sent('POST', '/api/consumer/member/join');
    expect(sent.body).toEqual({
      phoneCode: 'phone-code-1',
      name: '王芳',
      consents: [
        { purpose: 'service', granted: true },
        { purpose: 'marketing', granted: true },
        { purpose: 'location', granted: false },
        { purpose: 'brand_sharing', granted: false },
      ],
      textVersion: '2026-12',
    });
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.wx.calls.redirectTo).toEqual(['/pages/member/card?joined=1']);
  });

  test('a declined phone button is told in a toast and sends nothing', async () => {
    fake.welink.on('GET', '/api/consumer/member', known);
    const page = await renderPage('pages/member/join', {}, fake.wx);

    await tapPhoneButton(page, { errMsg: 'getPhoneNumber:fail user deny' });
    await fake.wx.flush();

    expect(fake.wx.calls.toast).toEqual(['需要授权手机号才能加入会员']);
    expect(fake.welink.sent('POST', '/api/consumer/member/join')).toHaveLength(0);
    expect(fake.wx.calls.redirectTo).toEqual([]);
  });

  test('without the service consent nothing is sent', async () => {
    fake.welink.on('GET', '/api/consumer/member', known);
    const page = await renderPage('pages/member/join', {}, fake.wx);

    await change(page, '.consents', ['marketing']);
    await tapPhoneButton(page, allowed);
    await fake.wx.flush();

    expect(textOf(page)).toContain('加入会员需要同意接收服务通知');
    expect(fake.welink.sent('POST', '/api/consumer/member/join')).toHaveLength(0);
  });

  test("WeLink's refusal of a spent code is shown as it says, and the page stays", async () => {
    fake.welink.on('GET', '/api/consumer/member', known);
    fake.welink.on('POST', '/api/consumer/member/join', { status: 400, errors: { phoneCode: ['手机号授权已失效，请重新点击授权'] } }, 400);
    const page = await renderPage('pages/member/join', {}, fake.wx);

    await tapPhoneButton(page, allowed);
    await fake.wx.flush();

    expect(textOf(page)).toContain('手机号授权已失效，请重新点击授权');
    expect(fake.wx.calls.redirectTo).toEqual([]);
  });

  test('a member is taken to the card', async () => {
    fake.welink.on('GET', '/api/consumer/member', joined);

    await renderPage('pages/member/join', {}, fake.wx);

    expect(fake.wx.calls.redirectTo).toEqual(['/pages/member/card']);
  });
});
