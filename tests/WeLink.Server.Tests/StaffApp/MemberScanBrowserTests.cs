using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeLink.Server.Data;
using WeLink.Server.Members.Cards;
using WeLink.Server.Tests.Complaints;
using static Microsoft.Playwright.Assertions;

namespace WeLink.Server.Tests.StaffApp;

/// <summary>
/// 扫会员码 in the staff app, in headless Chromium at a phone's size against a real WeLink and its in-process sandbox:
/// the sandbox's WeCom client bridge answers <c>scanQRCode</c> with the card code the control API put before the
/// camera, and the app opens the member; a code whose two minutes are over is refused with WeLink's reason. On the member's
/// page the advisor adds a vehicle: a VIN WeLink refuses shows its reason beside the field, a good one joins the list.
/// `WELINK_SCREENSHOTS=1` saves docs/screenshots/member-vehicle-form.png (the refusal) and member.png (the whole page, with the vehicle).
/// </summary>
public sealed class MemberScanBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Scanning_a_members_card_opens_the_member_and_an_expired_code_is_refused()
    {
        var (memberId, number) = await MemberAsync("林晓");
        var codes = _world.Host.Services.GetRequiredService<MemberCardCodes>();
        var fresh = await codes.IssueAsync(_world.BrandId, number, CancellationToken.None);
        await _world.ControlAsync("wecom/client", new { corpid = _world.BeijingCorpId, userid = _world.Advisor.UserId, scan_result = fresh.Text });

        await using var advisor = await StaffPhone.SignInAsync(chromium, _world.Host.BaseAddress, _world.Advisor.Name, "/me");
        await advisor.Page.Locator("[data-testid=scan-member]").ClickAsync();
        await advisor.Page.WaitForURLAsync($"**/wecom-app/#/members/{memberId}", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(advisor.Page.Locator("[data-testid=member-name]")).ToHaveTextAsync("林晓");
        await Expect(advisor.Page.Locator("[data-testid=member-number]")).ToContainTextAsync(number);
        await Expect(advisor.Page.Locator("[data-testid=vehicles-empty]")).ToHaveTextAsync("暂无车辆，可点击“添加车辆”登记");

        await advisor.Page.Locator("[data-testid=add-vehicle]").ClickAsync();
        var form = advisor.Page.Locator("[data-testid=vehicle-form]");
        await form.Locator("[data-field=model] input").FillAsync("极光 S7");
        await form.Locator("[data-field=plate] input").FillAsync("京AD12345");
        await form.Locator("[data-field=vin] input").FillAsync("LSVAB1234CD56789O");
        await form.Locator("[data-field=purchasedOn] input").FillAsync("2025-03-08");
        await form.Locator("[data-testid=vehicle-submit]").ClickAsync();
        await Expect(form.Locator("[data-field=vin] [data-testid=field-error]")).ToHaveTextAsync("车架号（VIN）需为 17 位字母或数字，且不含 I、O、Q。");
        await advisor.ScreenshotAsync("member-vehicle-form");
        await form.Locator("[data-field=vin] input").FillAsync("LSVAB1234CD567890");
        await form.Locator("[data-testid=vehicle-submit]").ClickAsync();
        await Expect(advisor.Page.Locator("[data-testid=vehicle]")).ToContainTextAsync("LSVAB1234CD567890 · 2025-03-08");
        await Expect(form).ToBeHiddenAsync();
        Assert.Equal(1L, await VehiclesAsync(memberId));
        await advisor.ScreenshotAsync("member", fullPage: true);

        var stale = await codes.IssueAsync(_world.BrandId, number, CancellationToken.None);
        await _world.AdvanceClocksAsync(MemberCardCodes.Lifetime + TimeSpan.FromMinutes(1));
        await _world.ControlAsync("wecom/client", new { corpid = _world.BeijingCorpId, userid = _world.Advisor.UserId, scan_result = stale.Text });
        await advisor.Page.GotoAsync(new Uri(_world.Host.BaseAddress, "/wecom-app/#/me").ToString());
        await advisor.Page.Locator("[data-testid=scan-member]").ClickAsync();
        await Expect(advisor.Page.GetByText("会员码已过期，请让客户刷新后重新出示。")).ToBeVisibleAsync();
        Assert.EndsWith("#/me", advisor.Page.Url, StringComparison.Ordinal);
    }

    private async Task<long> VehiclesAsync(Guid memberId)
    {
        await using var connection = await _world.Host.Services.GetRequiredService<IDbConnectionFactory>().OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM member_vehicles WHERE member_id = @memberId", new { memberId });
    }

    /// <summary>A joined member of the brand with a member number, as joining leaves them.</summary>
    private async Task<(Guid Id, string Number)> MemberAsync(string name)
    {
        var id = Guid.CreateVersion7();
        var number = Random.Shared.NextInt64(10_000_000_000, 100_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        await using var connection = await _world.Host.Services.GetRequiredService<IDbConnectionFactory>().OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO members (id, brand_id, home_dealer_id, status, member_number, tier, name, joined_at, created_at, updated_at)
            VALUES (@id, @brandId, @dealerId, 'member', @number, '银卡', @name, @now, @now, @now)
            """,
            new { id, brandId = _world.BrandId, dealerId = _world.BeijingDealerId, number, name, now });
        return (id, number);
    }
}
