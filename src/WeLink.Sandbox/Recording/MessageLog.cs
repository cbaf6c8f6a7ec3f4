using System.Text.Json;
using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.Recording;

/// <summary>Every message WeLink sent through the sandbox, for the control API and tests to read.</summary>
public sealed class MessageLog(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _messages = [];
    private long _nextId;

    public SentMessage Record(string api, string sender, IReadOnlyList<string> recipients, string? msgType, JsonElement body)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            var message = new SentMessage(
                id, api, sender, recipients, msgType, body.Clone(), (1_000_000_000L + id).ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow());
            _messages.Add(message);
            return message;
        }
    }

    public IReadOnlyList<SentMessage> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
