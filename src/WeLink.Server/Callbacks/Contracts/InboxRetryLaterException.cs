namespace WeLink.Server.Callbacks.Contracts;

/// <summary>
/// A handler cannot finish the event yet for a reason it expected (another delivery of it is still at work), not a
/// fault: the dispatcher retries it with the usual backoff, as for any failure, but logs it at Information without the
/// stack trace, so an expected wait does not read as an error. Derive from it for each such reason.
/// </summary>
public abstract class InboxRetryLaterException(string message) : Exception(message);
