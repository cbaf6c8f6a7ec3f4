namespace WeLink.Wechat.Crypto;

/// <summary>
/// Failure reasons of the callback crypto. The numeric values are the error codes of the official
/// WXBizMsgCrypt samples, so they can be compared with WeChat and WeCom documentation and logs.
/// </summary>
public enum WxCryptoError
{
    None = 0,
    SignatureMismatch = -40001,
    ParseError = -40002,
    ComputeSignatureFailed = -40003,
    IllegalAesKey = -40004,
    ReceiveIdMismatch = -40005,
    EncryptFailed = -40006,
    DecryptFailed = -40007,
    IllegalBuffer = -40008,
    EncodeBase64Failed = -40009,
    DecodeBase64Failed = -40010,
    GenerateReplyFailed = -40011,
}
