const { useFakeWeLink } = require('./support/use-fake-welink');
const { renderPage, textOf, tap, change } = require('./support/render');
const { joined, dealer, otherDealer } = require('./support/samples');

const fake = useFakeWeLink();

const profile = { name: '王芳', phone: '138****5678', homeDealer: joined.homeDealer, history: [] };
const consent = (purpose, granted) => ({ ...joined.consents[0], purpose, granted });

function answerMember() {
  fake.welink.on('GET', '/api/consumer/member/profile', profile);
  fake.welink.on('GET', '/api/consumer/member/consents', [consent('service', true), consent('marketing', true), consent('location', false)]);
}

describe('the my data page', () => {
  test('shows the profile with the phone masked and the consents in force', async () => {
    answerMember();

    const page = await renderPage('pages/member/data', {}, fake.wx);

    const text = textOf(page);
    for (const shown of ['王芳', '138****5678', '极光汽车上海浦东店', '授权（第 2026-12 版）', '营销信息']) {
      expect(text).toContain(shown);
    }
    expect(page.querySelector('.consents').instance.data.value).toEqual(['service', 'marketing']);
    expect(page.toJSON()).toMatchSnapshot();
  });

  test('withdrawing a consent answers every purpose with the text version', async () => {
    answerMember();
    fake.welink.on('POST', '/api/consumer/member/consents', [consent('service', true), consent('marketing', false)]);
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await change(page, '.consents', ['service']);
    await tap(page, '.save-consents');
    await fake.wx.flush();

    const [sent] = fake.welink.sent('POST', '/api/consumer/member/consents');
    expect(sent.body).toEqual({
      consents: [
        { purpose: 'service', granted: true },
        { purpose: 'marketing', granted: false },
        { purpose: 'location', granted: false },
        { purpose: 'brand_sharing', granted: false },
      ],
      textVersion: '2026-12',
    });
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.wx.calls.toast).toEqual(['授权已保存']);
  });

  test('the export is prepared and copied to the clipboard', async () => {
    answerMember();
    const exported = { member: { number: 'M00000123', phone: '13812345678' }, consents: [] };
    fake.welink.on('GET', '/api/consumer/member/export', exported);
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await tap(page, '.export');
    await fake.wx.flush();

    expect(JSON.parse(fake.wx.calls.clipboard[0])).toEqual(exported);
    expect(textOf(page)).toContain('已生成您的数据副本');
  });

  test('deleting asks first, then sends the confirmation and shows what WeLink says', async () => {
    answerMember();
    fake.welink.on('POST', '/api/consumer/member/delete', { message: '您的个人信息已删除，会员资格已注销。' });
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await tap(page, '.delete');
    await fake.wx.flush();

    expect(fake.wx.calls.modal[0].content).toContain('无法恢复');
    const [sent] = fake.welink.sent('POST', '/api/consumer/member/delete');
    expect(sent.body).toEqual({ confirm: true });
    expect(textOf(page)).toContain('您的个人信息已删除，会员资格已注销。');
  });

  test('deletes nothing when the consumer thinks again', async () => {
    answerMember();
    const page = await renderPage('pages/member/data', {}, fake.wx);
    fake.wx.answerModal(false);

    await tap(page, '.delete');
    await fake.wx.flush();

    expect(fake.welink.sent('POST', '/api/consumer/member/delete')).toHaveLength(0);
    expect(textOf(page)).toContain('删除我的数据');
  });

  test('a consumer who is not a member is told so', async () => {
    fake.welink.on('GET', '/api/consumer/member/profile', { status: 404, detail: '没有找到您的会员信息，请从品牌小程序重新进入。' }, 404);
    fake.welink.on('GET', '/api/consumer/member/consents', { status: 404, detail: '没有找到您的会员信息，请从品牌小程序重新进入。' }, 404);

    const page = await renderPage('pages/member/data', {}, fake.wx);

    expect(textOf(page)).toContain('没有找到您的会员信息');
  });

  test('a new name is saved and shown with its history', async () => {
    answerMember();
    const renamed = {
      ...profile,
      name: '王小芳',
      history: [
        { field: 'name', value: '王芳', source: 'miniprogram', changedAt: '2026-12-01T02:00:00Z' },
        { field: 'phone', value: '138****5678', source: 'phone_button', changedAt: '2026-12-01T02:00:00Z' },
        { field: 'name', value: '王小芳', source: 'miniprogram', changedAt: '2026-12-05T02:00:00Z' },
      ],
    };
    fake.welink.on('PUT', '/api/consumer/member/profile', renamed);
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await change(page, '.name-input', '王小芳');
    await tap(page, '.save-name');
    await fake.wx.flush();

    const [sent] = fake.welink.sent('PUT', '/api/consumer/member/profile');
    expect(sent.body).toEqual({ name: '王小芳' });
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.wx.calls.toast).toEqual(['姓名已保存']);
    expect(page.querySelector('.name').instance.data.note).toBe('王小芳');
    expect(page.querySelectorAll('.name-change').map((c) => c.instance.data.title)).toEqual(['王小芳', '王芳']);
    expect(page.toJSON()).toMatchSnapshot();
  });

  test('a name WeLink refuses is not saved and its reason is shown', async () => {
    answerMember();
    fake.welink.on('PUT', '/api/consumer/member/profile', { status: 400, errors: { name: ['姓名不能超过 50 个字'] } }, 400);
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await change(page, '.name-input', '王'.repeat(60));
    await tap(page, '.save-name');
    await fake.wx.flush();

    expect(textOf(page.querySelector('.name-error'))).toBe('姓名不能超过 50 个字');
    expect(page.querySelector('.name').instance.data.note).toBe('王芳');
    expect(fake.wx.calls.toast).toEqual([]);
  });

  test('the home dealer is changed to a dealer of the brand after a confirm', async () => {
    answerMember();
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    fake.welink.on('PUT', '/api/consumer/member/home-dealer', { homeDealer: { id: otherDealer.id, name: otherDealer.name } });
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await tap(page, '.choose-dealer');
    await fake.wx.flush();
    expect(page.toJSON()).toMatchSnapshot();
    fake.welink.on('GET', '/api/consumer/member/profile', { ...profile, homeDealer: { id: otherDealer.id, name: otherDealer.name } });
    await tap(page, '.dealer@1');
    await fake.wx.flush();

    expect(fake.wx.calls.modal[0].content).toContain('极光汽车北京望京店');
    const [sent] = fake.welink.sent('PUT', '/api/consumer/member/home-dealer');
    expect(sent.body).toEqual({ dealerId: 'd-2' });
    expect(sent.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.querySelector('.home-dealer').instance.data.note).toBe('极光汽车北京望京店');
    expect(page.querySelector('.dealers')).toBeFalsy();
  });

  test('a dealer WeLink refuses leaves the home dealer as it was and says why', async () => {
    answerMember();
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    fake.welink.on('PUT', '/api/consumer/member/home-dealer', { status: 422, detail: '该门店已停止营业，请选择其他门店。' }, 422);
    const page = await renderPage('pages/member/data', {}, fake.wx);

    await tap(page, '.choose-dealer');
    await fake.wx.flush();
    await tap(page, '.dealer@1');
    await fake.wx.flush();

    expect(textOf(page.querySelector('.dealer-error'))).toBe('该门店已停止营业，请选择其他门店。');
    expect(page.querySelector('.home-dealer').instance.data.note).toBe('极光汽车上海浦东店');
  });

  test('the home dealer stays when the consumer cancels the confirm', async () => {
    answerMember();
    fake.welink.on('GET', '/api/consumer/dealers', [dealer, otherDealer]);
    const page = await renderPage('pages/member/data', {}, fake.wx);
    fake.wx.answerModal(false);

    await tap(page, '.choose-dealer');
    await fake.wx.flush();
    await tap(page, '.dealer@1');
    await fake.wx.flush();

    expect(fake.welink.sent('PUT', '/api/consumer/member/home-dealer')).toHaveLength(0);
  });
});
