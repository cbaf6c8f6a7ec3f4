using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Credentials;

/// <summary>
/// Issues and checks access tokens with WeChat's rules: 7200 s of life, and fetching a new one
/// leaves the previous one working for five more minutes, then it answers 40001.
/// </summary>
public sealed class TokenBook(SandboxClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(7200);
    public static readonly TimeSpan ReplacementOverlap = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<(TokenKind Kind, string Subject), string> _current = [];

    /// <summary>Issues a token; with <paramref name="replacesPrevious"/> the subject's previous one starts its five-minute overlap.</summary>
    public IssuedToken Issue(TokenKind kind, string subject, TimeSpan? lifetime = null, bool replacesPrevious = true)
    {
        var now = clock.GetUtcNow();
        var token = new IssuedToken(OpaqueIds.Secret(96), kind, subject, now, now + (lifetime ?? Lifetime));
        lock (_gate)
        {
            if (replacesPrevious && _current.TryGetValue((kind, subject), out var previous) && _byValue[previous].ReplacedAt is null)
            {
                _byValue[previous].ReplacedAt = now;
            }

            _byValue.Add(token.Value, new Entry(token));
            if (replacesPrevious)
            {
                _current[(kind, subject)] = token.Value;
            }
        }

        return token;
    }

    public TokenCheck Check(string? value, TokenKind expected)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new TokenCheck(TokenStatus.Missing, null);
        }

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_byValue.TryGetValue(value, out var entry))
            {
                return new TokenCheck(TokenStatus.Unknown, null);
            }

            var status = entry.Token.Kind != expected ? TokenStatus.WrongKind
                : entry.Revoked ? TokenStatus.Unknown
                : now >= entry.Token.ExpiresAt ? TokenStatus.Expired
                : entry.ReplacedAt is { } replacedAt && now >= replacedAt + ReplacementOverlap ? TokenStatus.Replaced
                : TokenStatus.Valid;
            return new TokenCheck(status, entry.Token);
        }
    }

    /// <summary>Every token of this kind and subject that <see cref="Check"/> would call valid now.</summary>
    public IReadOnlyList<string> ValidValues(TokenKind kind, string subject)
    {
        lock (_gate)
        {
            return [.. _byValue.Values
                .Where(e => e.Token.Kind == kind && e.Token.Subject == subject)
                .Select(e => e.Token.Value)
                .Where(value => Check(value, kind).IsValid)];
        }
    }

    /// <summary>Kills every token of a subject at once (de-authorization, uninstall).</summary>
    public void Revoke(TokenKind kind, string subject)
    {
        lock (_gate)
        {
            foreach (var entry in _byValue.Values.Where(e => e.Token.Kind == kind && e.Token.Subject == subject))
            {
                entry.Revoked = true;
            }
        }
    }

    public TokenBookState Export()
    {
        lock (_gate)
        {
            return new TokenBookState(
                [.. _byValue.Values.Select(e => new TokenEntry(e.Token, e.ReplacedAt, e.Revoked))],
                [.. _current.Select(c => new CurrentToken(c.Key.Kind, c.Key.Subject, c.Value))]);
        }
    }

    public void Restore(TokenBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            Clear();
            foreach (var token in state.Tokens)
            {
                _byValue.Add(token.Token.Value, new Entry(token.Token) { ReplacedAt = token.ReplacedAt, Revoked = token.Revoked });
            }

            foreach (var current in state.Current)
            {
                _current.Add((current.Kind, current.Subject), current.Value);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byValue.Clear();
            _current.Clear();
        }
    }

    private sealed class Entry(IssuedToken token)
    {
        public IssuedToken Token { get; } = token;

        public DateTimeOffset? ReplacedAt { get; set; }

        public bool Revoked { get; set; }
    }
}
