namespace WeLink.Server.Access;

public enum SessionKind
{
    Admin,
    Consumer,
    Staff,
}
