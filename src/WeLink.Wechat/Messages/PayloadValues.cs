namespace WeLink.Wechat.Messages;

/// <summary>Conversions of payload text shared by the mappers.</summary>
internal static class PayloadValues
{
    public static DateTimeOffset? UnixTime(string? seconds) =>
        long.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(value)
            : null;

    /// <summary>Splits WeCom's comma-separated id lists ("1,2,3"); empty text gives an empty list.</summary>
    public static IReadOnlyList<string> CommaList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
