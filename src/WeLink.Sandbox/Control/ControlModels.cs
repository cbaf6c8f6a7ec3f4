namespace WeLink.Sandbox.Control;

public sealed record AdvanceClockRequest(double Seconds);

public sealed record ClockResponse(DateTimeOffset Now, long UnixSeconds, double OffsetSeconds);

public sealed record TicketPushResponse(long PushId, string Ticket);

public sealed record ControlProblem(string Error);
