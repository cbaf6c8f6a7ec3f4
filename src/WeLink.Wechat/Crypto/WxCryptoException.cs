namespace WeLink.Wechat.Crypto;

/// <summary>
/// The one exception the callback crypto throws for a refused input. It never carries any part of the
/// decrypted plaintext, so it is safe to log.
/// </summary>
public sealed class WxCryptoException : Exception
{
    public WxCryptoException()
        : this(WxCryptoError.None)
    {
    }

    public WxCryptoException(string message)
        : base(message)
    {
    }

    public WxCryptoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WxCryptoException(WxCryptoError error)
        : base(Describe(error))
    {
        Error = error;
    }

    public WxCryptoException(WxCryptoError error, Exception innerException)
        : base(Describe(error), innerException)
    {
        Error = error;
    }

    public WxCryptoError Error { get; }

    /// <summary>The WXBizMsgCrypt numeric code, e.g. -40001.</summary>
    public int Code => (int)Error;

    private static string Describe(WxCryptoError error) => error switch
    {
        WxCryptoError.SignatureMismatch => "msg_signature does not match (-40001).",
        WxCryptoError.ParseError => "The callback envelope could not be parsed (-40002).",
        WxCryptoError.ComputeSignatureFailed => "The signature could not be computed (-40003).",
        WxCryptoError.IllegalAesKey => "EncodingAESKey must be exactly 43 characters of [A-Za-z0-9] (-40004).",
        WxCryptoError.ReceiveIdMismatch => "The decrypted receiveid is not one this endpoint accepts (-40005).",
        WxCryptoError.EncryptFailed => "AES encryption failed (-40006).",
        WxCryptoError.DecryptFailed => "AES decryption failed (-40007).",
        WxCryptoError.IllegalBuffer => "The decrypted buffer has an illegal padding or length (-40008).",
        WxCryptoError.EncodeBase64Failed => "Base64 encoding failed (-40009).",
        WxCryptoError.DecodeBase64Failed => "The Encrypt value is not valid base64 (-40010).",
        WxCryptoError.GenerateReplyFailed => "The encrypted reply could not be generated (-40011).",
        _ => "Callback crypto failed.",
    };
}
