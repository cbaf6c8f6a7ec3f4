namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// The policy one Razor Pages handler needs beyond its page's: a dealer admin may read a dealer's page, but only HQ may
/// suspend it. Razor Pages authorize whole pages, so <see cref="HandlerPolicyFilter"/> enforces this before the handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
