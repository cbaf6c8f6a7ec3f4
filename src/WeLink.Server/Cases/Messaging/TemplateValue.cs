using System.Globalization;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Fits a value to its template keyword's rule, which WeChat enforces per data key kind: a <c>thing</c> holds 20
/// characters, a <c>phrase</c> 5. Longer text is cut with an ellipsis rather than refused, since the message opens the
/// page where the whole text is.
/// </summary>
public static class TemplateValue
{
    public static string Fit(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var limit = key.StartsWith("thing", StringComparison.Ordinal) ? 20 : key.StartsWith("phrase", StringComparison.Ordinal) ? 5 : int.MaxValue;
        var text = new StringInfo(value.ReplaceLineEndings(" "));
        return text.LengthInTextElements <= limit ? text.String : text.SubstringByTextElements(0, limit - 1) + "…";
    }
}
