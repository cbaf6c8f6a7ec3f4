namespace WeLink.Server.Cases.Inbox;

public sealed record NoteRequest(string Text);
