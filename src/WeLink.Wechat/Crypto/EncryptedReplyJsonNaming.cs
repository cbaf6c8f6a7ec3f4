namespace WeLink.Wechat.Crypto;

/// <summary>How the fields of a JSON encrypted reply are spelled; see <see cref="WxBizMsgCrypt.BuildEncryptedReplyJson"/>.</summary>
public enum EncryptedReplyJsonNaming
{
    /// <summary>Mini-programs and official accounts: Encrypt, MsgSignature, TimeStamp, Nonce.</summary>
    PascalCase = 0,

    /// <summary>WeCom JSON callbacks: encrypt, msgsignature, timestamp, nonce.</summary>
    Lowercase = 1,
}
