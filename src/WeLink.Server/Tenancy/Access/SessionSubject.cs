namespace WeLink.Server.Tenancy.Access;

/// <summary>The tenant and roles a session's subject has now; a session whose claims differ is given these.</summary>
public sealed record SessionSubject(Guid? BrandId, Guid? DealerId, IReadOnlyList<string> Roles);
