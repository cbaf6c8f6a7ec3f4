using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Members.Cards;
using WeLink.Server.Tests.Identities;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// The card's QR text against the brand keys in the database: good for two minutes from its issue, useless after, and
/// never good for another brand or once altered.
/// </summary>
public abstract class MemberCardCodeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private IdentityWorld _world = null!;

    private MemberCardCodes Codes => _world.Host.Services.GetRequiredService<MemberCardCodes>();

    public async Task InitializeAsync() => _world = await IdentityWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_code_names_its_member_for_two_minutes_and_then_is_expired()
    {
        var (text, expiresAt) = await Codes.IssueAsync(_world.BrandId, "80000001", default);

        Assert.InRange(expiresAt - _world.Clock.GetUtcNow(), MemberCardCodes.Lifetime - TimeSpan.FromSeconds(1), MemberCardCodes.Lifetime);
        Assert.Equal(new CardCodeCheck.Valid("80000001"), await Codes.VerifyAsync(_world.BrandId, text, default));
        _world.Clock.Advance(MemberCardCodes.Lifetime - TimeSpan.FromSeconds(2));
        Assert.Equal(new CardCodeCheck.Valid("80000001"), await Codes.VerifyAsync(_world.BrandId, text, default));
        _world.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.IsType<CardCodeCheck.Expired>(await Codes.VerifyAsync(_world.BrandId, text, default));
    }

    [Fact]
    public async Task Another_brands_altered_or_foreign_text_is_invalid()
    {
        var (text, _) = await Codes.IssueAsync(_world.BrandId, "80000001", default);
        var parts = text.Split('.');

        Assert.IsType<CardCodeCheck.Invalid>(await Codes.VerifyAsync(_world.OtherBrandId, text, default));
        Assert.IsType<CardCodeCheck.Invalid>(await Codes.VerifyAsync(_world.BrandId, string.Join('.', parts[0], "80000002", parts[2], parts[3]), default));
        Assert.IsType<CardCodeCheck.Invalid>(await Codes.VerifyAsync(_world.BrandId, string.Join('.', parts[0], parts[1], "9999999999", parts[3]), default));
        foreach (var foreign in (string?[])[null, "", "https://example.com/", "WLM1.80000001", text + ".x", new string('9', 500)])
        {
            Assert.IsType<CardCodeCheck.Invalid>(await Codes.VerifyAsync(_world.BrandId, foreign, default));
        }
    }
}

public sealed class MemberCardCodeTests_on_Sqlite() : MemberCardCodeTests(DatabaseProvider.Sqlite);

public sealed class MemberCardCodeTests_on_Postgres() : MemberCardCodeTests(DatabaseProvider.Postgres);
