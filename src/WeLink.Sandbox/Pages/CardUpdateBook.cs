using System.Text.Json;
using WeLink.Sandbox.Api;
using WeLink.Sandbox.Recording;

namespace WeLink.Sandbox.Pages;

/// <summary>
/// The update_template_card calls per card. An update reaches the userids it names, or everyone who got the card when it
/// says <c>atall</c>, so two people who got one card can see it differently: the one who pressed sees the update.
/// </summary>
public sealed class CardUpdateBook
{
    private readonly Dictionary<string, List<SentMessage>> _updates = new(StringComparer.Ordinal);

    public void Add(string cardMessageId, SentMessage update)
    {
        if (!_updates.TryGetValue(cardMessageId, out var updates))
        {
            _updates[cardMessageId] = updates = [];
        }

        updates.Add(update);
    }

    /// <summary>The body of the latest update of the card that reached <paramref name="userId"/>; null when none did.</summary>
    public JsonElement? LatestFor(string cardMessageId, string userId) =>
        _updates.TryGetValue(cardMessageId, out var updates)
            ? updates.LastOrDefault(u => u.Recipients.Contains(userId) || u.Body.NumberField("atall") == 1)?.Body
            : null;
}
