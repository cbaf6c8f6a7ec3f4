using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Credentials;

public enum CodeStatus
{
    Redeemed,

    /// <summary>Looked at without being used up, and still good.</summary>
    Live,
    Unknown,
    Expired,
    AlreadyUsed,
}

public sealed record CodeRedemption<TPayload>(CodeStatus Status, TPayload? Payload)
    where TPayload : class;

/// <summary>Single-use codes that expire: pre-auth codes, auth codes, OAuth codes, response codes.</summary>
public sealed class CodeBook<TPayload>(SandboxClock clock)
    where TPayload : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public string Issue(TPayload payload, TimeSpan lifetime, int length = 64, string prefix = "")
    {
        var code = prefix + OpaqueIds.Secret(length);
        lock (_gate)
        {
            _codes.Add(code, new Entry(payload, clock.GetUtcNow() + lifetime));
        }

        return code;
    }

    /// <summary>Reads a live code without using it up (for example set_session_info on a pre-auth code).</summary>
    public TPayload? Peek(string? code) => Inspect(code).Payload;

    /// <summary>Tells a live code from an unknown, used or expired one, without using it up.</summary>
    public CodeRedemption<TPayload> Inspect(string? code)
    {
        lock (_gate)
        {
            var status = Classify(code, out var entry);
            return new(status, status == CodeStatus.Live ? entry!.Payload : null);
        }
    }

    public CodeRedemption<TPayload> Redeem(string? code)
    {
        lock (_gate)
        {
            var status = Classify(code, out var entry);
            if (status != CodeStatus.Live)
            {
                return new(status, null);
            }

            entry!.Used = true;
            return new(CodeStatus.Redeemed, entry.Payload);
        }
    }

    public IReadOnlyList<CodeEntry<TPayload>> Export()
    {
        lock (_gate)
        {
            return [.. _codes.Select(c => new CodeEntry<TPayload>(c.Key, c.Value.Payload, c.Value.ExpiresAt, c.Value.Used))];
        }
    }

    public void Restore(IReadOnlyList<CodeEntry<TPayload>> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        lock (_gate)
        {
            _codes.Clear();
            foreach (var code in codes)
            {
                _codes.Add(code.Code, new Entry(code.Payload, code.ExpiresAt) { Used = code.Used });
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _codes.Clear();
        }
    }

    private CodeStatus Classify(string? code, out Entry? entry)
    {
        entry = null;
        return code is null || !_codes.TryGetValue(code, out entry) ? CodeStatus.Unknown
            : entry.Used ? CodeStatus.AlreadyUsed
            : clock.GetUtcNow() >= entry.ExpiresAt ? CodeStatus.Expired
            : CodeStatus.Live;
    }

    private sealed class Entry(TPayload payload, DateTimeOffset expiresAt)
    {
        public TPayload Payload { get; } = payload;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Used { get; set; }
    }
}
