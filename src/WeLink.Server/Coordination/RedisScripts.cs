namespace WeLink.Server.Coordination;

/// <summary>Compare-and-act scripts: Redis runs each atomically, so no other client can slip in between the check and the act.</summary>
internal static class RedisScripts
{
    /// <summary>KEYS[1] deleted only while it holds ARGV[1]; returns 1 when deleted.</summary>
    public const string DeleteIfEquals = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('del', KEYS[1])
        end
        return 0
        """;

    /// <summary>
    /// Each KEYS[i] set to ARGV[i] for ARGV[#KEYS + 1] milliseconds unless it exists; returns per key 1 when it now holds
    /// ARGV[i], else 0.
    /// </summary>
    public const string Claim = """
        local held = {}
        local ttl = ARGV[#KEYS + 1]
        for i, key in ipairs(KEYS) do
          if redis.call('set', key, ARGV[i], 'NX', 'PX', ttl) or redis.call('get', key) == ARGV[i] then
            held[i] = 1
          else
            held[i] = 0
          end
        end
        return held
        """;

    /// <summary>KEYS[1] given ARGV[2] milliseconds to live only while it holds ARGV[1]; returns 1 when extended.</summary>
    public const string ExpireIfEquals = """
        if redis.call('get', KEYS[1]) == ARGV[1] then
          return redis.call('pexpire', KEYS[1], ARGV[2])
        end
        return 0
        """;
}
