using System.Buffers;

namespace WeLink.Wechat.Crypto;

internal static class Alphanumeric
{
    private static readonly SearchValues<char> Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>True when the text is non-empty and only [A-Za-z0-9].</summary>
    public static bool IsAll(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(Chars);
}
