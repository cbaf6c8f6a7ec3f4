using WeLink.Server.Coordination;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Conversations.Keywords;

/// <summary>
/// The picture of a mini-program card: WeChat takes it only as media the sending account uploaded (<c>thumb_media_id</c>),
/// and keeps temporary media 3 days. Each account's upload is shared across nodes for 2 days, then uploaded afresh.
/// </summary>
public sealed class CardThumbs(ICacheStore cache, OfficialAccountClient accounts)
{
    /// <summary>Less than WeChat's 3 days, so a cached id is never one WeChat forgot.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    private static readonly Lazy<MediaFile> Picture = new(() =>
    {
        using var stream = typeof(CardThumbs).Assembly.GetManifestResourceStream("WeLink.Server.Conversations.Keywords.card-thumb.png")
            ?? throw new InvalidOperationException("The card picture is not embedded in WeLink.Server.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new MediaFile(bytes.ToArray(), "image/png");
    });

    /// <summary>The account's media id of the card picture, uploaded when it has none that is fresh.</summary>
    public async Task<string> MediaIdAsync(string appId, CancellationToken cancellationToken)
    {
        var key = $"conversations:card-thumb:{appId}";
        if (await cache.GetAsync(key, cancellationToken) is { } mediaId)
        {
            return mediaId;
        }

        var uploaded = await accounts.UploadTemporaryMediaAsync(appId, "image", Picture.Value, "card.png", cancellationToken);
        await cache.SetAsync(key, uploaded.MediaId, KeepFor, cancellationToken);
        return uploaded.MediaId;
    }
}
