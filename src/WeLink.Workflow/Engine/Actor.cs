namespace WeLink.Workflow.Engine;

/// <param name="Kind">What kind of party acts.</param>
/// <param name="Id">Who exactly (openid, WeCom userid, portal user), for history; null for the system.</param>
/// <param name="Roles">The staff roles the actor holds at this dealer; empty for other kinds.</param>
public sealed record Actor(ActorKind Kind, string? Id, IReadOnlyList<string> Roles)
{
    public static Actor System { get; } = new(ActorKind.System, null, []);

    public static Actor Consumer(string id) => new(ActorKind.Consumer, id, []);

    public static Actor Hq(string id) => new(ActorKind.Hq, id, []);

    public static Actor Staff(string id, params string[] roles) => new(ActorKind.Staff, id, roles);

    public override string ToString() => Roles.Count == 0 ? $"{Kind} {Id}" : $"{Kind} {Id} ({string.Join(", ", Roles)})";
}
