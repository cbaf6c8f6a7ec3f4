namespace WeLink.Server.Members.Joining;

/// <summary>Names the member card definition (<c>member_card.v1.json</c>) uses that code must agree on.</summary>
public static class MemberCardDefinition
{
    public const string Key = "member_card";

    public const string ResourceName = "member_card.v1.json";

    public static class Triggers
    {
        public const string ConfirmPhone = "confirm_phone";
        public const string RecordConsent = "record_consent";
    }

    public static class Parameters
    {
        public const string OpeningGiftPoints = "opening_gift_points";
        public const string StartingTier = "starting_tier";
    }
}
