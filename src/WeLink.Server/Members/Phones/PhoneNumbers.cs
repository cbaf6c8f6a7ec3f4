namespace WeLink.Server.Members.Phones;

/// <summary>Mainland mobile numbers as members give them: one written form for the index, a masked one for people and logs.</summary>
public static class PhoneNumbers
{
    /// <summary>The 11 digits of a mainland mobile number written with +86, 0086, spaces, dashes or brackets; null when it is not one.</summary>
    public static string? Normalise(string? written)
    {
        if (string.IsNullOrWhiteSpace(written) || written.Length > 32)
        {
            return null;
        }

        Span<char> digits = stackalloc char[32];
        var length = 0;
        foreach (var c in written)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '+'))
            {
                return null;
            }
        }

        var number = digits[..length];
        if (number.StartsWith("0086"))
        {
            number = number[4..];
        }
        else if (number.Length == 13 && number.StartsWith("86"))
        {
            number = number[2..];
        }

        return number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9' ? new string(number) : null;
    }

    /// <summary>138****5678: what lists, history and logs show of a normalised number.</summary>
    public static string Mask(string normalised) =>
        normalised.Length == 11 ? string.Concat(normalised.AsSpan(0, 3), "****", normalised.AsSpan(7)) : "***";
}
