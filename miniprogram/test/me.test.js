const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, tap } = require('./support/render');
const { dealer, otherDealer, known, joined } = require('./support/samples');

const fake = useFakeWeLink({ brandName: '极光汽车' });

describe('the me page', () => {
  test('shows the brand and the dealer in context, and switches dealer through the picker', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    fake.welink.on('GET', '/api/consumer/member', known);
    await require('../src/services/session').ensureSession('d-1');

    const page = await renderPage('pages/me/index', {}, fake.wx);

    expect(textOf(page)).toContain('极光汽车');
    expect(textOf(page)).toContain('极光汽车上海浦东店');
    expect(page.toJSON()).toMatchSnapshot();

    await tap(page, '.change');
    await fake.wx.flush();
    await tap(page, '.picker', '.dealer@1');
    await fake.wx.flush();

    expect(textOf(page)).toContain('极光汽车北京望京店');
    await tap(page, '.mine');
    expect(fake.wx.calls.switchTab).toEqual(['/pages/complaints/list']);
  });

  test('opens joining for a consumer who is not a member, and the card for a member', async () => {
    fake.welink.on('GET', '/api/consumer/member', known);
    const page = await renderPage('pages/me/index', {}, fake.wx);
    expect(textOf(page)).toContain('加入会员');
    await tap(page, '.member');

    fake.welink.on('GET', '/api/consumer/member', joined);
    const memberPage = await renderPage('pages/me/index', {}, fake.wx);
    expect(textOf(memberPage)).toContain('会员卡');
    await tap(memberPage, '.member');

    expect(fake.wx.calls.navigateTo).toEqual(['/pages/member/join', '/pages/member/card']);
  });

  test('without a dealer says none is chosen', async () => {
    const page = await renderPage('pages/me/index', {}, fake.wx);

    expect(textOf(page)).toContain('未选择');
  });
});
