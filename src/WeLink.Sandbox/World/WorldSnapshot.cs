namespace WeLink.Sandbox.World;

public sealed record WorldSnapshot(
    IReadOnlyList<Owner> Owners,
    IReadOnlyList<OfficialAccount> Accounts,
    IReadOnlyList<ConsumerSnapshot> Consumers,
    IReadOnlyList<CorpSnapshot> Corps);

public sealed record ConsumerSnapshot(Consumer Consumer, IReadOnlyList<ConsumerIdentity> Identities);

public sealed record CorpSnapshot(
    WecomCorp Corp,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<ExternalContact> ExternalContacts);
