using System.Security.Cryptography;

namespace WeLink.Sandbox.World;

/// <summary>Identifiers shaped like the real ones, random so that nobody can lean on their content.</summary>
public static class OpaqueIds
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string OpenIdChars = Alphanumerics + "-_";

    public static string AppId() => "wx" + Hex(16);

    public static string OriginalId() => "gh_" + Hex(12);

    public static string OpenId() => "o" + Random(OpenIdChars, 27);

    public static string UnionId() => "o" + Random(OpenIdChars, 27);

    /// <summary>Third-party apps see encrypted corp ids since WeCom's 2022 ID upgrade.</summary>
    public static string CorpId() => "wp" + Random(Alphanumerics, 30);

    public static string UserId() => "wo" + Random(Alphanumerics, 30);

    public static string ExternalUserId() => "wm" + Random(Alphanumerics, 30);

    /// <summary>idconvert's stand-in for a person not yet a contact; WeCom documents no shape, so opaque.</summary>
    public static string PendingId() => "p" + Random(Alphanumerics, 31);

    /// <summary>An 11-digit mainland mobile number (1, then 3–9, then nine digits).</summary>
    public static string MobileNumber() => "1" + Random("3456789", 1) + Random("0123456789", 9);

    /// <summary>Tokens, tickets, codes and secrets: long, alphanumeric, unguessable.</summary>
    public static string Secret(int length = 64) => Random(Alphanumerics, length);

    private static string Hex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2));

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);
}
