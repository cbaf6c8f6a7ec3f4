namespace WeLink.Sandbox.World;

/// <summary>
/// The files behind a consumer's picture or voice: the same small PNG for every picture and a silent AMR clip for every
/// voice, enough for WeLink to fetch, keep and show. WeChat keeps such temporary media for 3 days.
/// </summary>
public static class ConsumerMedia
{
    public const string Image = "image";
    public const string Voice = "voice";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    /// <summary>A 1×1 grey PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The AMR-NB magic and one frame of silence.</summary>
    private static readonly byte[] Amr = [.. "#!AMR\n"u8, 0x3C, .. new byte[31]];

    public static bool IsKind(string? kind) => kind is Image or Voice;

    public static ReadOnlyMemory<byte> Bytes(string kind) => kind == Image ? Png : Amr;

    public static string ContentType(string kind) => kind == Image ? "image/png" : "audio/amr";
}
