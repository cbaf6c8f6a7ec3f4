namespace WeLink.Server.Tenancy.Access;

public static class AdminRoles
{
    public const string Platform = "platform-admin";
    public const string Hq = "hq-admin";
    public const string Dealer = "dealer-admin";
}
