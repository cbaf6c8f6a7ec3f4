using System.Diagnostics.CodeAnalysis;

namespace WeLink.Wechat.OfficialAccount;

/// <summary>
/// The scene string WeLink puts in a QR code to attribute follows and scans: <c>d:{dealerId}</c> for a
/// dealer, <c>s:{staffId}</c> for a member of staff. The id is opaque text without spaces; the whole
/// string fits the 64 characters WeChat allows. The scan event carries it back in EventKey, prefixed
/// with <c>qrscene_</c> when the scan made the consumer follow (subscribe) and bare when they already did (SCAN).
/// </summary>
public sealed record QrScene
{
    public const int MaxLength = 64;
    private const string SubscribePrefix = "qrscene_";

    private QrScene(QrSceneKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    public QrSceneKind Kind { get; }

    public string Id { get; }

    public static QrScene Dealer(string dealerId) => Create(QrSceneKind.Dealer, dealerId);

    public static QrScene Staff(string staffId) => Create(QrSceneKind.Staff, staffId);

    /// <summary>Reads a scene string or a scan event's EventKey; false for anything WeLink did not issue.</summary>
    public static bool TryParse(string? sceneOrEventKey, [NotNullWhen(true)] out QrScene? scene)
    {
        scene = null;
        if (string.IsNullOrEmpty(sceneOrEventKey))
        {
            return false;
        }

        var value = sceneOrEventKey.StartsWith(SubscribePrefix, StringComparison.Ordinal)
            ? sceneOrEventKey[SubscribePrefix.Length..]
            : sceneOrEventKey;
        if (value.Length < 3 || value[1] != ':' || !IsValidId(value[2..]) || value.Length > MaxLength)
        {
            return false;
        }

        QrSceneKind? kind = value[0] switch
        {
            'd' => QrSceneKind.Dealer,
            's' => QrSceneKind.Staff,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        scene = new QrScene(kind.Value, value[2..]);
        return true;
    }

    /// <summary>The scene string, e.g. <c>d:42</c>.</summary>
    public override string ToString() => $"{(Kind == QrSceneKind.Dealer ? 'd' : 's')}:{Id}";

    private static QrScene Create(QrSceneKind kind, string id)
    {
        if (!IsValidId(id) || id.Length + 2 > MaxLength)
        {
            throw new ArgumentException(
                $"A QR scene id must be 1 to {MaxLength - 2} characters without whitespace.", nameof(id));
        }

        return new QrScene(kind, id);
    }

    private static bool IsValidId(string id) => id.Length > 0 && !id.Any(char.IsWhiteSpace);
}
