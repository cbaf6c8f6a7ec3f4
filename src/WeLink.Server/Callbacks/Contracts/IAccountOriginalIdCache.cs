namespace WeLink.Server.Callbacks.Contracts;

/// <summary>
/// The callback receiver keeps each account's original id (<see cref="IAccountOriginalIds"/>) in memory for minutes, so
/// that no push costs a database read. The feature that unlinks an account tells it to forget that account, so the
/// account's pushes are refused from the next one on this node; other nodes forget it when their entry expires.
/// </summary>
public interface IAccountOriginalIdCache
{
    void Forget(string authorizerAppId);
}
