using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Credentials;

/// <summary>Who has authorized the component and who has installed the suite.</summary>
public sealed class GrantBook(SandboxClock clock)
{
    /// <summary>The permission sets a sandbox authorization grants: messages, menus, users, template, custom service, cards, subscribe.</summary>
    public static readonly IReadOnlyList<int> DefaultFuncScopes = [1, 2, 3, 4, 6, 7, 8, 11, 15, 89];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Authorization> _authorizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Installation> _installations = new(StringComparer.Ordinal);

    /// <summary>Authorizes (or re-authorizes, which rotates the refresh token) an account.</summary>
    public Authorization Authorize(string authorizerAppId, IReadOnlyList<int>? funcScopes = null)
    {
        var authorization = new Authorization(
            authorizerAppId,
            "refreshtoken@@@" + OpaqueIds.Secret(43),
            funcScopes ?? DefaultFuncScopes,
            clock.GetUtcNow(),
            Active: true);
        lock (_gate)
        {
            _authorizations[authorizerAppId] = authorization;
        }

        return authorization;
    }

    public Authorization? Unauthorize(string authorizerAppId)
    {
        lock (_gate)
        {
            if (!_authorizations.TryGetValue(authorizerAppId, out var current))
            {
                return null;
            }

            return _authorizations[authorizerAppId] = current with { Active = false };
        }
    }

    public Authorization? FindAuthorization(string authorizerAppId)
    {
        lock (_gate)
        {
            return _authorizations.GetValueOrDefault(authorizerAppId);
        }
    }

    public IReadOnlyList<Authorization> ActiveAuthorizations()
    {
        lock (_gate)
        {
            return [.. _authorizations.Values.Where(a => a.Active).OrderBy(a => a.AuthorizedAt)];
        }
    }

    public Installation Install(string corpId, int agentId, string adminUserId, string state)
    {
        var installation = new Installation(corpId, OpaqueIds.Secret(64), agentId, adminUserId, state, clock.GetUtcNow(), Active: true);
        lock (_gate)
        {
            _installations[corpId] = installation;
        }

        return installation;
    }

    public Installation? Uninstall(string corpId)
    {
        lock (_gate)
        {
            if (!_installations.TryGetValue(corpId, out var current))
            {
                return null;
            }

            return _installations[corpId] = current with { Active = false };
        }
    }

    public Installation? FindInstallation(string corpId)
    {
        lock (_gate)
        {
            return _installations.GetValueOrDefault(corpId);
        }
    }

    public GrantBookState Export()
    {
        lock (_gate)
        {
            return new GrantBookState([.. _authorizations.Values], [.. _installations.Values]);
        }
    }

    public void Restore(GrantBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            Clear();
            foreach (var authorization in state.Authorizations)
            {
                _authorizations.Add(authorization.AuthorizerAppId, authorization);
            }

            foreach (var installation in state.Installations)
            {
                _installations.Add(installation.CorpId, installation);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _authorizations.Clear();
            _installations.Clear();
        }
    }
}
