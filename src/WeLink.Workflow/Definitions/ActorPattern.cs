namespace WeLink.Workflow.Definitions;

/// <summary>One entry of a transition's <c>actors</c>: a kind, and for staff optionally a role.</summary>
internal readonly record struct ActorPattern(string Kind, string? Role)
{
    public const string Consumer = "consumer";
    public const string System = "system";
    public const string Hq = "hq";
    public const string Staff = "staff";

    public static bool TryParse(string text, out ActorPattern pattern)
    {
        pattern = default;
        if (text is Consumer or System or Hq or Staff)
        {
            pattern = new ActorPattern(text, null);
            return true;
        }

        const string staffPrefix = Staff + ":";
        if (text.StartsWith(staffPrefix, StringComparison.Ordinal) && text.Length > staffPrefix.Length)
        {
            pattern = new ActorPattern(Staff, text[staffPrefix.Length..]);
            return true;
        }

        return false;
    }
}
