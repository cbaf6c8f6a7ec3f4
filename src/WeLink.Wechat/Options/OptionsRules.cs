using System.Buffers;
using Microsoft.Extensions.Options;

namespace WeLink.Wechat.Options;

/// <summary>The checks both option validators share; each returns a message naming the key, or null.</summary>
internal static class OptionsRules
{
    private static readonly SearchValues<char> Base62 =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public static string? Required(string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{key} is required." : null;

    public static string? HttpUrl(string key, Uri? value) =>
        value is { IsAbsoluteUri: true } && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"{key} must be an absolute http(s) URL.";

    /// <summary>The key is never echoed: only its length goes into the message.</summary>
    public static string? EncodingAesKey(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"{key} is required.";
        }

        return value.Length == 43 && !value.AsSpan().ContainsAnyExcept(Base62)
            ? null
            : $"{key} must be exactly 43 characters of [A-Za-z0-9] (it has {value.Length} characters).";
    }

    public static string? Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero ? null : $"{key} must be a positive duration.";

    public static ValidateOptionsResult ToResult(IEnumerable<string?> failures)
    {
        var messages = failures.OfType<string>().ToList();
        return messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);
    }
}
