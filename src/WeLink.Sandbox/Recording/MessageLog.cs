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

    /// <summary>Puts back what <see cref="All"/> returned before a restart; new messages number on after them.</summary>
    public void Restore(IReadOnlyList<SentMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            _messages.Clear();
            _messages.AddRange(messages);
            _nextId = messages.Count == 0 ? 0 : messages.Max(m => m.Id);
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
