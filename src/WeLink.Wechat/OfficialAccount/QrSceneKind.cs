namespace WeLink.Wechat.OfficialAccount;

/// <summary>Who a follow through a QR code is attributed to.</summary>
public enum QrSceneKind
{
    /// <summary><c>d:{dealerId}</c>: a dealer's own code (showroom, print).</summary>
    Dealer,

    /// <summary><c>s:{staffId}</c>: one sales consultant's personal code.</summary>
    Staff,
}
