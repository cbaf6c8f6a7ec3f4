namespace WeLink.Server.Callbacks;

/// <summary>One page of inbox rows, newest first; <see cref="HasMore"/> says whether page + 1 has rows.</summary>
public sealed record InboxPage(string Status, int Page, int PageSize, bool HasMore, IReadOnlyList<InboxEntryView> Items);
