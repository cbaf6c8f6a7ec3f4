using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Members;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Merging;
using WeLink.Server.Members.Phones;
using WeLink.Server.Tests.Identities;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// One member per person per brand, found again in every channel: follows and mini-program sign-ins through the sandbox
/// link to one record by WeChat's unionid; a phone another record holds merges the two with nothing lost; an admin's undo
/// gives each record back exactly what it had.
/// </summary>
public abstract class MemberIdentityTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Phone = "138 0013 8000";
    private const string NormalisedPhone = "13800138000";

    private IdentityWorld _world = null!;

    private MemberDirectory Directory => _world.Host.Services.GetRequiredService<MemberDirectory>();

    private MemberPhones Phones => _world.Host.Services.GetRequiredService<MemberPhones>();

    private IMemberLinks Links => _world.Host.Services.GetRequiredService<IMemberLinks>();

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Following_two_dealers_then_confirming_a_phone_in_the_mini_program_is_one_member_with_four_identities()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person, _world.BeijingAppId);
        await _world.FollowAsync(person, _world.ShanghaiAppId);
        var (_, miniOpenId) = await IdentityWorld.SignInMiniProgramAsync(_world.Host.Http, _world.MiniProgramAppId, person, _world.BeijingDealerId);

        var member = await MemberOfAsync(_world.MiniProgramAppId, miniOpenId, IdentityKind.MiniProgram);
        var confirmed = Assert.IsType<PhoneConfirmation.Confirmed>(await Phones.ConfirmAsync(_world.BrandId, member, "+86 " + Phone, "phone_button", default));

        Assert.Equal(member, confirmed.MemberId);
        Assert.False(confirmed.Merged);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM members"));
        var identities = await Directory.IdentitiesAsync(member, default);
        Assert.Equal(
            new[] { "account:" + _world.BeijingAppId, "account:" + _world.ShanghaiAppId, "miniprogram:" + _world.MiniProgramAppId, "unionid:" }.Order(StringComparer.Ordinal),
            identities.Select(i => $"{i.Kind}:{i.Scope}").Order(StringComparer.Ordinal));
        Assert.Equal(await _world.UnionIdAsync(_world.BeijingAppId, person), identities.Single(i => i.IdentityKind == IdentityKind.UnionId).Subject);
        Assert.Equal(_world.BeijingDealerId, (await Directory.GetAsync(_world.BrandId, member, default))!.HomeDealerId);
        Assert.Equal(member, (await Directory.FindByPhoneAsync(_world.BrandId, "0086-13800138000", default))!.Id);
        Assert.Equal("138****8000", (await Directory.GetAsync(_world.BrandId, member, default))!.PhoneMasked);
        Assert.Equal(("phone", "138****8000", "phone_button"), (await Directory.ProfileChangesAsync(member, default)).Select(c => (c.Field, c.Value, c.Source)).Single());
    }

    [Fact]
    public async Task The_phone_is_kept_only_encrypted_and_as_the_brands_index()
    {
        var member = await Links.SeenAsync(new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.Account(_world.BeijingAppId, "oPhoneOnly"), null), default);
        await Phones.ConfirmAsync(_world.BrandId, member, Phone, "phone_button", default);

        Assert.Equal(0L, await CountAsync(
            "SELECT COUNT(*) FROM members WHERE phone_index LIKE @digits OR phone_protected LIKE @digits OR phone_masked LIKE @digits",
            new { digits = "%" + NormalisedPhone + "%" }));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM member_profile_changes WHERE value LIKE @digits", new { digits = "%" + NormalisedPhone + "%" }));
        Assert.Equal(64, (await _world.Database.ScalarAsync<string>("SELECT phone_index FROM members WHERE id = @member", new { member })).Length);
        Assert.Null(await Directory.FindByPhoneAsync(_world.OtherBrandId, Phone, default));
    }

    [Theory]
    [InlineData("1380013800")]
    [InlineData("23800138000")]
    [InlineData("12800138000")]
    [InlineData("138-0013-800a")]
    [InlineData("")]
    public async Task What_is_not_a_mainland_mobile_number_is_refused_and_nothing_is_stored(string phone)
    {
        var member = await Links.SeenAsync(new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.Account(_world.BeijingAppId, "oBadPhone"), null), default);

        Assert.IsType<PhoneConfirmation.InvalidPhone>(await Phones.ConfirmAsync(_world.BrandId, member, phone, "phone_button", default));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM members WHERE phone_index IS NOT NULL"));
    }

    [Fact]
    public async Task A_second_record_confirming_the_same_phone_merges_into_the_first_with_everything_it_had()
    {
        var (first, second) = await TwoRecordsAsync();
        await AddRowsAsync(second);
        await Phones.ConfirmAsync(_world.BrandId, first, Phone, "staff:advisor", default);

        var merged = Assert.IsType<PhoneConfirmation.Confirmed>(await Phones.ConfirmAsync(_world.BrandId, second, Phone, "phone_button", default));

        Assert.Equal(first, merged.MemberId);
        Assert.True(merged.Merged);
        Assert.Equal(MemberStatus.Merged, (await RawAsync(second)).Status);
        Assert.Equal(first, (await Directory.GetAsync(_world.BrandId, second, default))!.Id);
        Assert.Equal(4, (await Directory.IdentitiesAsync(first, default)).Count);
        foreach (var table in (string[])["member_consents", "member_vehicles", "member_profile_changes"])
        {
            Assert.Equal(0L, await CountAsync($"SELECT COUNT(*) FROM {table} WHERE member_id = @second", new { second }));
        }

        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM member_vehicles WHERE member_id = @first AND vin = 'LSVAU2180N2183294'", new { first }));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM member_consents WHERE member_id = @first AND purpose = 'marketing'", new { first }));
        Assert.Equal("Wang Fang", (await RawAsync(first)).Name);
        Assert.Equal(new[] { first, second }.Order(), (await Directory.RecordIdsAsync(first, default)).Order());
        Assert.Equal(MergeReasons.Phone, (await Merges.OfMemberAsync(_world.BrandId, first, default)).Single().Reason);
    }

    [Fact]
    public async Task An_admins_undo_gives_each_record_back_exactly_what_it_had()
    {
        var (first, second) = await TwoRecordsAsync();
        await AddRowsAsync(second);
        await Phones.ConfirmAsync(_world.BrandId, second, Phone, "phone_button", default);
        var identitiesBefore = (await Directory.IdentitiesAsync(first, default)).Select(i => i.Id).Order().ToList();
        await Phones.ConfirmAsync(_world.BrandId, first, Phone, "staff:advisor", default);
        var merge = (await Merges.OfMemberAsync(_world.BrandId, second, default)).Single();
        Assert.Equal(second, merge.KeptMemberId);

        Assert.Equal(MergeUndoOutcome.Undone, await Merges.UndoAsync(_world.BrandId, merge.Id, "admin:hq", default));
        Assert.Equal(MergeUndoOutcome.AlreadyUndone, await Merges.UndoAsync(_world.BrandId, merge.Id, "admin:hq", default));
        Assert.Equal(MergeUndoOutcome.NotFound, await Merges.UndoAsync(_world.OtherBrandId, merge.Id, "admin:hq", default));

        Assert.Equal(MemberStatus.Known, (await RawAsync(first)).Status);
        Assert.Equal(identitiesBefore, (await Directory.IdentitiesAsync(first, default)).Select(i => i.Id).Order());
        Assert.Equal(2, (await Directory.IdentitiesAsync(second, default)).Count);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM member_vehicles WHERE member_id = @second", new { second }));
        Assert.Equal(second, (await Directory.FindByPhoneAsync(_world.BrandId, Phone, default))!.Id);
        Assert.Equal("Wang Fang", (await RawAsync(second)).Name);
        Assert.Null((await RawAsync(first)).Name);
        Assert.NotNull((await Merges.OfMemberAsync(_world.BrandId, first, default)).Single().UndoneAt);
    }

    [Fact]
    public async Task A_unionid_seen_on_two_records_proves_them_one_person_and_merges_them()
    {
        var byAccount = await Links.SeenAsync(new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.Account(_world.BeijingAppId, "oWriterOnly"), null), default);
        var byMiniProgram = await Links.SeenAsync(
            new MemberSighting(_world.BrandId, _world.ShanghaiDealerId, MemberIdentity.MiniProgram(_world.MiniProgramAppId, "oMini"), "oUnionShared"), default);
        Assert.NotEqual(byAccount, byMiniProgram);

        var kept = await Links.SeenAsync(
            new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.Account(_world.BeijingAppId, "oWriterOnly"), "oUnionShared"), default);

        Assert.Equal(byAccount, kept);
        Assert.Equal(3, (await Directory.IdentitiesAsync(kept, default)).Count);
        Assert.Equal(kept, await Links.FindAsync(_world.BrandId, MemberIdentity.MiniProgram(_world.MiniProgramAppId, "oMini"), default));
        Assert.Equal(MergeReasons.UnionId, (await Merges.OfMemberAsync(_world.BrandId, kept, default)).Single().Reason);
    }

    [Fact]
    public async Task Sightings_racing_on_one_new_person_end_in_one_member_holding_every_identity()
    {
        var sightings = Enumerable.Range(0, 12).Select(i => new MemberSighting(
            _world.BrandId, i % 2 == 0 ? _world.BeijingDealerId : _world.ShanghaiDealerId, MemberIdentity.Account(i % 2 == 0 ? _world.BeijingAppId : _world.ShanghaiAppId, $"oRace{i}"), "oUnionRace"));

        var members = await Task.WhenAll(sightings.Select(s => Task.Run(() => Links.SeenAsync(s, default))));

        var member = Assert.Single(members.Distinct());
        Assert.Equal(13, (await Directory.IdentitiesAsync(member, default)).Count);
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM members WHERE status <> 'merged'"));
    }

    [Fact]
    public async Task Another_brand_never_finds_the_member()
    {
        var member = await Links.SeenAsync(new MemberSighting(_world.BrandId, _world.BeijingDealerId, MemberIdentity.UnionId("oUnionOther"), null), default);

        Assert.Null(await Directory.GetAsync(_world.OtherBrandId, member, default));
        Assert.Null(await Links.FindAsync(_world.OtherBrandId, MemberIdentity.UnionId("oUnionOther"), default));
    }

    private MemberMerges Merges => _world.Host.Services.GetRequiredService<MemberMerges>();

    /// <summary>Two WeChat users of one person (no unionid in common): one follows Beijing, the other opens the mini program.</summary>
    private async Task<(Guid First, Guid Second)> TwoRecordsAsync()
    {
        await _world.FollowAsync(_world.People[1], _world.BeijingAppId);
        var (_, openId) = await IdentityWorld.SignInMiniProgramAsync(_world.Host.Http, _world.MiniProgramAppId, _world.People[2], _world.BeijingDealerId);
        var first = await MemberOfAsync(_world.BeijingAppId, await _world.OpenIdAsync(_world.BeijingAppId, _world.People[1]), IdentityKind.Account);
        var second = await MemberOfAsync(_world.MiniProgramAppId, openId, IdentityKind.MiniProgram);
        Assert.NotEqual(first, second);
        return (first, second);
    }

    private async Task AddRowsAsync(Guid member)
    {
        await _world.ExecuteAsync(
            """
            INSERT INTO member_consents (id, brand_id, member_id, purpose, granted, text_version, channel, decided_at)
            VALUES (@consent, @brandId, @member, 'marketing', @yes, 'v1', 'miniprogram', @now);
            INSERT INTO member_vehicles (id, brand_id, member_id, dealer_id, model, plate, vin, source, created_at)
            VALUES (@vehicle, @brandId, @member, @dealerId, 'ID.4', '京A12345', 'LSVAU2180N2183294', 'staff', @now);
            UPDATE members SET name = 'Wang Fang' WHERE id = @member;
            """,
            new { consent = Guid.NewGuid(), vehicle = Guid.NewGuid(), brandId = _world.BrandId, member, yes = true, now = _world.Clock.GetUtcNow(), dealerId = _world.BeijingDealerId });
    }

    private async Task<Guid> MemberOfAsync(string scope, string openId, IdentityKind kind) =>
        await Links.FindAsync(_world.BrandId, new MemberIdentity(kind, scope, openId), default) ?? throw new InvalidOperationException($"no member for {kind} {openId}");

    private async Task<MemberRecord> RawAsync(Guid id) =>
        (await _world.Database.QueryAsync<MemberRecord>($"SELECT {MemberDirectory.Columns} FROM members WHERE id = @id", new { id })).Single();

    private Task<long> CountAsync(string sql, object? parameters = null) => _world.Database.ScalarAsync<long>(sql, parameters);
}

public sealed class MemberIdentityTests_on_Sqlite() : MemberIdentityTests(DatabaseProvider.Sqlite);

public sealed class MemberIdentityTests_on_Postgres() : MemberIdentityTests(DatabaseProvider.Postgres);
