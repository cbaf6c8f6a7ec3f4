using System.ComponentModel.DataAnnotations;
using WeLink.Server.Shared;

namespace WeLink.Server.Cases.Inbox;

public sealed record NoteRequest([StringLength(TextLimits.Text)] string Text);
