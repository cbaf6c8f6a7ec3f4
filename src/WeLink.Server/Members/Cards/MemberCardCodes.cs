using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WeLink.Server.Members.Cards;

/// <summary>What a scanned card code is.</summary>
public abstract record CardCodeCheck
{
    public sealed record Valid(string MemberNumber) : CardCodeCheck;

    /// <summary>Signed by the brand, but its two minutes are over: a screenshot, or a card left open too long.</summary>
    public sealed record Expired : CardCodeCheck;

    /// <summary>Not a card code of this brand: another brand's, altered, or not a card code at all.</summary>
    public sealed record Invalid : CardCodeCheck;
}

/// <summary>
/// The text of a member card's QR code: <c>WLM1.{number}.{expires, unix seconds}.{signature}</c>, the signature a
/// truncated HMAC-SHA256 under the brand's card key. The card page fetches a new one every minute and each is good for
/// <see cref="Lifetime"/>, so a code shown now scans now, and a screenshot is useless a couple of minutes later. The code
/// names the member only by number, and only the brand that signed it can read it as valid.
/// </summary>
public sealed class MemberCardCodes(MemberKeys keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private const string Prefix = "WLM1";
    private const int SignatureBytes = 16;
    private const int MaxLength = 128;

    public async Task<(string Text, DateTimeOffset ExpiresAt)> IssueAsync(Guid brandId, string memberNumber, CancellationToken cancellationToken)
    {
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());
        var signed = $"{Prefix}.{memberNumber}.{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        var keysOfBrand = await keys.OfBrandAsync(brandId, cancellationToken);
        return ($"{signed}.{Base64Url.EncodeToString(keysOfBrand.SignCard(signed).AsSpan(0, SignatureBytes))}", expiresAt);
    }

    public async Task<CardCodeCheck> VerifyAsync(Guid brandId, string? text, CancellationToken cancellationToken)
    {
        var parts = text is { Length: > 0 and <= MaxLength } ? text.Trim().Split('.') : [];
        if (parts.Length != 4 || parts[0] != Prefix || parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return new CardCodeCheck.Invalid();
        }

        var signed = string.Join('.', parts[0], parts[1], parts[2]);
        var expected = Base64Url.EncodeToString((await keys.OfBrandAsync(brandId, cancellationToken)).SignCard(signed).AsSpan(0, SignatureBytes));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[3])))
        {
            return new CardCodeCheck.Invalid();
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expires ? new CardCodeCheck.Expired() : new CardCodeCheck.Valid(parts[1]);
    }
}
