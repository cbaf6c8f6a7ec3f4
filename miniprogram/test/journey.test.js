// The complaint journey as a consumer sees it, against a real WeLink (the Release build, started as the README's
// local run with its in-process sandbox; then again on PostgreSQL and Redis, the production stores): the pages run
// under miniprogram-simulate with a `wx` whose request and uploadFile go over HTTP to WeLink and whose login returns
// codes the sandbox issues for the brand's mini-program.
const { installWx } = require('./support/wx');
const { renderPage, textOf, find, tap, change, emit } = require('./support/render');
const { startWeLink } = require('./support/welink-server');
const { onboardDealer, signInStaff, waitFor } = require('./support/onboarding');
const files = require('./support/files');

jest.setTimeout(120_000);

describe.each([
  { stores: 'local', name: 'SQLite and in-process coordination (the local run)' },
  { stores: 'production', name: 'PostgreSQL and Redis' },
])('on $name', ({ stores }) => {
  let welink;
  let scene;
  let miniProgram;
  let consumer;

  beforeAll(async () => {
    welink = await startWeLink({ stores });
    scene = await onboardDealer(welink.base);
    miniProgram = scene.world.accounts.find((a) => a.kind === 'MiniProgram');
  });
  afterAll(() => welink && welink.stop());

  describe('before HQ authorizes the brand mini-program', () => {
    test('the home page opened from the dealer menu says in Chinese that the mini-program is not connected yet', async () => {
      const phone = consumerPhone();

      const home = await renderPage('pages/home/index', { dealerId: scene.dealer.id }, phone.wx);

      expect(phone.logins).toBe(1);
      expect(textOf(home)).toContain('这个小程序还没有接入 WeLink，请联系品牌方');
      expect(textOf(home)).not.toContain('极光汽车北京店');
    });
  });

  /** HQ authorizes the brand's mini-program from the brand page: WeChat's page, "Authorize", back to WeLink (once). */
  let authorized = false;
  async function authorizeMiniProgram({ admin, brand }, appId) {
    if (authorized) return;
    authorized = true;
    const wechatPage = await admin.get((await admin.get(`/onboarding/brands/${brand.id}/miniprogram/authorize`)).location);
    await admin.get(await admin.submitForm(wechatPage.text, 'appid', appId));
  }

  /** The consumer's phone: wx.login gets a fresh sandbox code each time; the subscribe dialog is accepted. */
  function consumerPhone(name = 'Li Wei') {
    const phone = { openId: null, logins: 0 };
    phone.wx = installWx({
      apiBase: welink.base,
      appId: miniProgram.app_id,
      brandName: '极光汽车',
      login: async () => {
        const { code, openid } = await scene.control.post(`miniprogram/${miniProgram.app_id}/login`, { consumer: name });
        phone.openId = openid;
        phone.logins += 1;
        return code;
      },
      subscribe: (templateIds) => scene.control.post(`miniprogram/${miniProgram.app_id}/subscribe`, { openid: phone.openId, template_ids: templateIds, accept: true }),
    });
    return phone;
  }

  async function openDetail(wx, id) {
    return renderPage('pages/complaints/detail', { id }, wx);
  }

  const statusOf = (page) => find(page, '.status').dom.textContent.trim();

  describe('the complaint journey in the mini-program', () => {
    let caseId;

    beforeAll(() => authorizeMiniProgram(scene, miniProgram.app_id));

    test('the consumer opens the dealer from its menu and sees its home', async () => {
      consumer = consumerPhone();
      const home = await renderPage('pages/home/index', { dealerId: scene.dealer.id }, consumer.wx);

      expect(textOf(home)).toContain('极光汽车北京店');
    });

    test('files a complaint with a photo: 已受理 is shown and a subscribe message reaches the phone', async () => {
      const page = await renderPage('pages/complaints/new', { dealerId: scene.dealer.id }, consumer.wx);
      const category = page.data.categories[0];
      expect(page.data.severities.map((s) => s.label)).toEqual(['轻微', '一般', '紧急']);
      await change(page, '.category', category.value);
      await change(page, '.severity', 'high');
      await change(page, '.description', '保养后发动机异响，三天内第二次了');
      await emit(page, '.upload', 'add', { files: [{ url: files.photo(), size: 100 }] });
      await consumer.wx.flush();

      await tap(page, '.submit');
      await consumer.wx.flush();

      expect(textOf(page)).not.toContain('失败');
      const [url] = consumer.wx.calls.redirectTo;
      caseId = new URL(url, 'http://page').searchParams.get('id');
      const detail = await openDetail(consumer.wx, caseId);
      expect(statusOf(detail)).toBe('已受理');
      expect(textOf(detail)).toContain('保养后发动机异响，三天内第二次了');
      expect(textOf(detail)).toContain('严重程度紧急');
      expect(detail.querySelectorAll('.photo')).toHaveLength(1);
      expect(consumer.wx.calls.subscribe).toHaveLength(1);
      const [receipt] = await waitFor('the receipt as a subscribe message', async () => {
        const sent = await scene.control.get(`messages?api=subscribe/send&recipient=${encodeURIComponent(consumer.openId)}`);
        return sent.length > 0 && sent;
      });
      expect(receipt.body.page).toBe(`pages/complaints/detail?id=${caseId}&dealerId=${scene.dealer.id}`);
      expect(receipt.body.data.phrase2.value).toBe('已受理');
    });

    test('staff acknowledge and ask a question: 处理中, and the question is answered on the page', async () => {
      const manager = await signInStaff(welink.base, scene.manager.user_id);
      await manager.step(caseId, 'acknowledge');
      await manager.step(caseId, 'request_info', { question: '请提供保养单号' });

      const detail = await openDetail(consumer.wx, caseId);
      expect(statusOf(detail)).toBe('处理中');
      expect(textOf(detail)).toContain('请提供保养单号');

      await change(detail, '.answer', '保养单号 BY-2026-1205');
      await tap(detail, '.send-answer');
      await consumer.wx.flush();

      expect(textOf(detail)).toContain('保养单号 BY-2026-1205');
      expect(textOf(detail)).not.toContain('门店需要您补充信息');
    });

    test('staff resolve it: 已解决 with the survey; a low score reopens it, and the follow-up closes it: 已关闭', async () => {
      const manager = await signInStaff(welink.base, scene.manager.user_id);
      for (const step of ['listen', 'empathize', 'apologize', 'delight']) {
        await manager.step(caseId, step, { note: `已完成：${step}` });
      }
      await manager.step(caseId, 'resolve', { resolution: '已更换发动机支架并免费检测' });

      const detail = await openDetail(consumer.wx, caseId);
      expect(statusOf(detail)).toBe('已解决');
      expect(textOf(detail)).toContain('请评价本次处理');

      await emit(detail, '.satisfaction', 'change', { value: 1 });
      find(detail, '.score@2').dispatchEvent('tap');
      await consumer.wx.flush();
      await tap(detail, '.send-survey');
      await consumer.wx.flush();
      expect(statusOf(detail)).not.toBe('已关闭');
      expect(statusOf(detail)).not.toBe('已解决');

      await manager.step(caseId, 'confirm_follow_up', { followUpNote: '已电话回访，客户认可处理结果' });
      await detail.instance.onPullDownRefresh();
      await consumer.wx.flush();
      expect(statusOf(detail)).toBe('已关闭');

      const list = await renderPage('pages/complaints/list', {}, consumer.wx);
      expect(list.querySelectorAll('.row__status').map((t) => t.dom.textContent.trim())).toEqual(['已关闭']);
    });
  });

  describe('bad input from the mini-program is shown in Chinese on the page', () => {
    beforeAll(() => authorizeMiniProgram(scene, miniProgram.app_id));

    test('a file that is not a photo is refused by WeLink and taken off the form', async () => {
      const phone = consumerPhone('Wang Fang');
      const page = await renderPage('pages/complaints/new', { dealerId: scene.dealer.id }, phone.wx);

      await emit(page, '.upload', 'add', { files: [{ url: files.notAPhoto(), size: 40 }] });
      await phone.wx.flush();

      expect(page.data.photos).toHaveLength(0);
      expect(page.data.error).toMatch(/[\u4e00-\u9fa5]/);
      expect(textOf(page)).toContain(page.data.error);
    });

    test('a login code used twice is refused with 登录已失效', async () => {
      const { code } = await scene.control.post(`miniprogram/${miniProgram.app_id}/login`, { consumer: 'Zhang Min' });
      const first = await renderPage('pages/home/index', { dealerId: scene.dealer.id }, phoneWithCode(code));
      expect(textOf(first)).toContain('极光汽车北京店');

      const again = await renderPage('pages/home/index', { dealerId: scene.dealer.id }, phoneWithCode(code));

      expect(textOf(again)).toContain('登录已失效，请重新进入小程序');
    });

    test('a dealer of another brand is refused with the reason', async () => {
      const other = await scene.admin.postOk('/api/admin/brands', { name: '另一品牌' });
      const foreign = await scene.admin.postOk(`/api/admin/brands/${other.id}/dealers`, { code: 'XX01', name: '另一品牌门店' });
      const phone = consumerPhone('Zhang Min');

      const page = await renderPage('pages/home/index', { dealerId: foreign.id }, phone.wx);

      expect(page.data.error).toMatch(/[\u4e00-\u9fa5]/);
      expect(textOf(page)).toContain(page.data.error);
      expect(textOf(page)).not.toContain('另一品牌门店');
    });

    test('a replayed submit (same Idempotency-Key) files one complaint and answers the first answer again', async () => {
      const phone = consumerPhone('Wang Fang');
      const { complaints } = require('../src/services/api');
      await require('../src/services/session').ensureSession(scene.dealer.id);
      const [category] = await complaints.categories();
      const [severity] = await complaints.severities();
      const complaint = { category: category.value, description: '重复提交测试', severity: severity.value };

      const first = await complaints.file(complaint, 'replayed-submit-0001');
      const replay = await complaints.file(complaint, 'replayed-submit-0001');

      expect(replay.id).toBe(first.id);
      const list = await renderPage('pages/complaints/list', {}, phone.wx);
      expect(list.querySelectorAll('.row')).toHaveLength(1);
    });
  });

  describe('joining the membership in the mini-program', () => {
    const nickname = 'Chen Jing';
    let phone;
    let number;

    beforeAll(async () => {
      await authorizeMiniProgram(scene, miniProgram.app_id);
      // A consumer of their own, so the phone WeChat holds for them is known: 13912345678.
      await scene.control.post('world/consumers', { nickname, phone: '13912345678' });
    });

    /** The consumer taps 授权手机号并加入 and answers WeChat's sheet; the sandbox gives the event's detail. */
    async function tapPhoneButton(page, allow) {
      const answer = await scene.control.post(`miniprogram/${miniProgram.app_id}/phone-number`, { consumer: nickname, allow });
      await emit(page, '.join', 'getphonenumber', answer.code ? { errMsg: answer.err_msg, code: answer.code } : { errMsg: answer.err_msg });
      await phone.wx.flush();
    }

    test('declining the phone sheet is told in Chinese and makes no member', async () => {
      phone = consumerPhone(nickname);
      const join = await renderPage('pages/member/join', { dealerId: scene.dealer.id }, phone.wx);
      expect(textOf(join)).toContain('授权手机号并加入');

      await tapPhoneButton(join, false);

      expect(phone.wx.calls.toast).toEqual(['需要授权手机号才能加入会员']);
      expect(phone.wx.calls.redirectTo).toEqual([]);
      const card = await renderPage('pages/member/card', { dealerId: scene.dealer.id }, phone.wx);
      expect(textOf(card)).toContain('您还不是会员，加入后即可领取会员卡');
    });

    test('allowing it with the consents joins: the card shows the number, the tier and the QR, and the welcome reaches the phone', async () => {
      const { subscriptions } = require('../src/services/api');
      // The consumer accepted the brand's status notices earlier (as on the complaint page); the welcome uses that.
      await scene.control.post(`miniprogram/${miniProgram.app_id}/subscribe`, { openid: phone.openId, template_ids: await subscriptions.templateIds(), accept: true });
      const join = await renderPage('pages/member/join', { dealerId: scene.dealer.id }, phone.wx);
      await change(join, '.name', '陈静');
      await change(join, '.consents', ['service', 'marketing']);

      await tapPhoneButton(join, true);

      expect(textOf(join)).not.toMatch(/失败|失效/);
      expect(phone.wx.calls.redirectTo).toEqual(['/pages/member/card?joined=1']);
      const card = await renderPage('pages/member/card', { joined: '1' }, phone.wx);
      const shown = textOf(card);
      [, number] = shown.match(/No\. ([1-9][0-9]{9})/) ?? [];
      expect(number).toBeDefined();
      expect(shown).toContain('蜜粉');
      expect(shown).toContain('陈静');
      expect(shown).toContain('极光汽车北京店');
      expect(find(card, '.qrcode').instance.data.value).toMatch(new RegExp(`^WLM1\\.${number}\\.`));
      const [welcome] = await waitFor('the welcome as a subscribe message', async () => {
        const sent = await scene.control.get(`messages?api=subscribe/send&recipient=${encodeURIComponent(phone.openId)}`);
        return sent.length > 0 && sent;
      });
      expect(welcome.body.data.thing1.value).toBe('会员卡');
      expect(welcome.body.data.phrase2.value).toBe('已入会');
      expect(welcome.body.page).toBe(`pages/member/card?dealerId=${scene.dealer.id}`);
    });

    test('我的数据 shows the phone WeChat confirmed, masked; withdrawing marketing is shown as withdrawn when opened again', async () => {
      const data = await renderPage('pages/member/data', {}, phone.wx);
      expect(textOf(data)).toContain('139****5678');
      expect(ticked(data)).toEqual(['服务通知', '营销信息']);

      await change(data, '.consents', ['service']);
      await tap(data, '.save-consents');
      await phone.wx.flush();

      expect(phone.wx.calls.toast).toContain('授权已保存');
      const again = await renderPage('pages/member/data', {}, phone.wx);
      expect(ticked(again)).toEqual(['服务通知']);
      const card = await renderPage('pages/member/card', {}, phone.wx);
      expect(textOf(card)).toContain(`No. ${number}`);
    });

    /** The consent options the page shows ticked, by their label. */
    const ticked = (page) =>
      find(page, '.consents')
        .querySelectorAll('.t-checkbox-option')
        .filter((box) => box.instance.data.checked)
        .map((box) => box.instance.data.label);
  });

  /** A phone whose wx.login returns the given code, as a replayed or stolen code would. */
  function phoneWithCode(code) {
    return installWx({ apiBase: welink.base, appId: miniProgram.app_id, login: () => code });
  }
});
