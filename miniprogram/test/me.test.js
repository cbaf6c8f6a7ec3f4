const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, tap } = require('./support/render');
const { dealer, otherDealer } = require('./support/samples');

const fake = useFakeWeLink({ brandName: '极光汽车' });

describe('the me page', () => {
  test('shows the brand and the dealer in context, and switches dealer through the picker', async () => {
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
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

  test('without a dealer says none is chosen', async () => {
    const page = await renderPage('pages/me/index', {}, fake.wx);

    expect(textOf(page)).toContain('未选择');
  });
});
