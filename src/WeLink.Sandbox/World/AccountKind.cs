namespace WeLink.Sandbox.World;

public enum AccountKind
{
    ServiceAccount,
    SubscriptionAccount,
    MiniProgram,
}
