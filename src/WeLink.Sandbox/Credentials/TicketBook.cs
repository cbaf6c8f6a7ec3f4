using WeLink.Sandbox.Time;
using WeLink.Sandbox.World;

namespace WeLink.Sandbox.Credentials;

/// <summary>The tickets the sandbox has pushed; a token request must quote one that is still young enough.</summary>
public sealed class TicketBook(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (TicketKind Kind, DateTimeOffset IssuedAt)> _tickets = new(StringComparer.Ordinal);

    public static TimeSpan LifetimeOf(TicketKind kind) =>
        kind == TicketKind.ComponentVerifyTicket ? TimeSpan.FromHours(12) : TimeSpan.FromMinutes(30);

    public string Issue(TicketKind kind)
    {
        var ticket = kind == TicketKind.ComponentVerifyTicket ? "ticket@@@" + OpaqueIds.Secret(86) : OpaqueIds.Secret(64);
        lock (_gate)
        {
            _tickets.Add(ticket, (kind, clock.GetUtcNow()));
        }

        return ticket;
    }

    /// <summary>A token request's ticket: one the sandbox pushed for this kind and still young, unknown, or too old.</summary>
    public TicketStatus Check(TicketKind kind, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return TicketStatus.Unknown;
        }

        lock (_gate)
        {
            return !_tickets.TryGetValue(ticket, out var issued) || issued.Kind != kind ? TicketStatus.Unknown
                : clock.GetUtcNow() >= issued.IssuedAt + LifetimeOf(kind) ? TicketStatus.Expired
                : TicketStatus.Valid;
        }
    }

    public IReadOnlyList<TicketEntry> Export()
    {
        lock (_gate)
        {
            return [.. _tickets.Select(t => new TicketEntry(t.Key, t.Value.Kind, t.Value.IssuedAt))];
        }
    }

    public void Restore(IReadOnlyList<TicketEntry> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        lock (_gate)
        {
            _tickets.Clear();
            foreach (var ticket in tickets)
            {
                _tickets.Add(ticket.Ticket, (ticket.Kind, ticket.IssuedAt));
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _tickets.Clear();
        }
    }
}
