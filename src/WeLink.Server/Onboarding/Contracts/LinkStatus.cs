namespace WeLink.Server.Onboarding.Contracts;

public enum LinkStatus
{
    /// <summary>Nobody has authorized (or installed) anything for this dealer yet.</summary>
    NotStarted,

    Active,

    /// <summary>Authorization withdrawn (or a needed permission removed): data kept, re-authorizing restores it.</summary>
    Suspended,

    /// <summary>The last attempt was refused; the reason says why and what to do.</summary>
    Refused,
}
