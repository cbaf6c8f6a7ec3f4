using System.Collections.Concurrent;

namespace WeLink.Wechat.Tokens;

/// <summary>
/// Tickets, refresh tokens and permanent codes kept in memory: for tests and a throw-away local run only,
/// since they are lost on restart. WeLink.Server replaces each interface with its database store.
/// </summary>
public sealed class InMemoryCredentialStore
    : IComponentTicketStore, ISuiteTicketStore, IAuthorizerCredentialStore, ICorpCredentialStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    Task<string?> IComponentTicketStore.GetAsync(string componentAppid, CancellationToken cancellationToken) =>
        GetAsync("component_verify_ticket:" + componentAppid);

    Task IComponentTicketStore.SaveAsync(string componentAppid, string ticket, CancellationToken cancellationToken) =>
        SaveAsync("component_verify_ticket:" + componentAppid, ticket);

    Task<string?> ISuiteTicketStore.GetAsync(string suiteId, CancellationToken cancellationToken) =>
        GetAsync("suite_ticket:" + suiteId);

    Task ISuiteTicketStore.SaveAsync(string suiteId, string ticket, CancellationToken cancellationToken) =>
        SaveAsync("suite_ticket:" + suiteId, ticket);

    public Task<string?> GetRefreshTokenAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        GetAsync("authorizer_refresh_token:" + authorizerAppid);

    public Task SaveRefreshTokenAsync(string authorizerAppid, string refreshToken, CancellationToken cancellationToken) =>
        SaveAsync("authorizer_refresh_token:" + authorizerAppid, refreshToken);

    public Task<string?> GetPermanentCodeAsync(string corpId, CancellationToken cancellationToken) =>
        GetAsync("permanent_code:" + corpId);

    public Task SavePermanentCodeAsync(string corpId, string permanentCode, CancellationToken cancellationToken) =>
        SaveAsync("permanent_code:" + corpId, permanentCode);

    private Task<string?> GetAsync(string key) =>
        Task.FromResult(_values.TryGetValue(key, out var value) ? value : null);

    private Task SaveAsync(string key, string value)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }
}
