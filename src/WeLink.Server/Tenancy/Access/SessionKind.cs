namespace WeLink.Server.Tenancy.Access;

public enum SessionKind
{
    Admin,
    Consumer,
    Staff,
}
