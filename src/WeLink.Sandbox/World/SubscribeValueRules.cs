using System.Globalization;
using System.Text.RegularExpressions;

namespace WeLink.Sandbox.World;

/// <summary>
/// What a subscribe message's value may hold, by the rule its data key starts with (protocol-wave2.md §2.3); WeChat
/// refuses a value that breaks its rule with 47003. Rules the table leaves vague (amount) take any text.
/// </summary>
public static partial class SubscribeValueRules
{
    /// <summary>True when <paramref name="value"/> fits the rule of <paramref name="key"/> (e.g. <c>thing1</c>: 20 characters at most).</summary>
    public static bool Fits(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var length = new StringInfo(value).LengthInTextElements;
        return RuleOf(key) switch
        {
            "thing" => length is > 0 and <= 20,
            "number" => length <= 32 && NumberValue().IsMatch(value),
            "letter" => length <= 32 && LetterValue().IsMatch(value),
            "symbol" => length <= 5 && SymbolValue().IsMatch(value),
            "character_string" => length <= 32 && CharacterStringValue().IsMatch(value),
            "time" or "date" => TimeValue().IsMatch(value),
            "phone_number" => length <= 17 && PhoneValue().IsMatch(value),
            "car_number" => length <= 8,
            "name" => ChineseValue().IsMatch(value) ? length <= 10 : length <= 20,
            "phrase" => length <= 5 && ChineseValue().IsMatch(value),
            _ => true,
        };
    }

    /// <summary>The rule of a data key: the key without its keyword number (<c>character_string12</c> → <c>character_string</c>).</summary>
    public static string RuleOf(string key) => key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberValue();

    [GeneratedRegex(@"^[A-Za-z]+$")]
    private static partial Regex LetterValue();

    [GeneratedRegex(@"^[^\p{L}\p{N}\s]+$")]
    private static partial Regex SymbolValue();

    [GeneratedRegex(@"^[\x21-\x7E]+$")]
    private static partial Regex CharacterStringValue();

    [GeneratedRegex(@"^[\d+\-() ]+$")]
    private static partial Regex PhoneValue();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}+$")]
    private static partial Regex ChineseValue();

    /// <summary>A date, a 24-hour time or both (<c>2019年10月1日 15:01</c>, <c>2019-10-01 15:01</c>, <c>15:01</c>), or a range of them joined by <c>~</c>.</summary>
    [GeneratedRegex(@"^(?:(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?: ?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?: ?~ ?(?:(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?: ?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?))?$")]
    private static partial Regex TimeValue();
}
