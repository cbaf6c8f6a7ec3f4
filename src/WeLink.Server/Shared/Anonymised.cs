namespace WeLink.Server.Shared;

/// <summary>
/// What an erased identifier (an openid, a unionid, an external contact id) becomes when its person asks to be forgotten:
/// unique per row it replaces, so unique indexes hold, and never an id WeChat or WeCom hands out.
/// </summary>
public static class Anonymised
{
    public const string Prefix = "anonymised:";

    public static string Marker(Guid id) => Prefix + id.ToString("N");

    public static bool Is(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
