namespace WeLink.Server.Coordination;

/// <summary>What a lock provider does for a handle, always checked against the handle's owner token.</summary>
internal interface ILockOwnership
{
    Task<bool> ExtendAsync(string name, string owner, TimeSpan lease, CancellationToken cancellationToken);

    Task ReleaseAsync(string name, string owner);
}
