namespace WeLink.Server.Cases.Inbox;

public sealed record NoteResponse(Guid Id, Guid CaseId, Guid AuthorStaffId, string Text, DateTimeOffset CreatedAt);
