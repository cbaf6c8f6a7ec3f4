namespace WeLink.Server.Onboarding.Contracts;

/// <summary>The two halves of a dealer's link: the consumer-facing official account and the staff-facing WeCom corp.</summary>
public enum LinkSide
{
    OfficialAccount,
    WeCom,
}
